package io.restorejobcanceller.run;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code canceller.input.*}: the nightly inbox, when {@code cancel DIR} or {@code schedule DIR} names a directory.
 *
 * @param pattern glob of the files to process in the directory, in name order
 * @param archiveDir where a file is moved once its job completed; {@code null} leaves it in place
 * @param settleTime how long an inbox file must stay unchanged (size and modification time) before it is taken
 */
@Validated
@ConfigurationProperties("canceller.input")
record InputProperties(@NotBlank @DefaultValue("*.csv") String pattern, Path archiveDir,
                       @NotNull @DefaultValue("5s") Duration settleTime) {
}
