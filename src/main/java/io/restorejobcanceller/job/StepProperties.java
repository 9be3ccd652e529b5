package io.restorejobcanceller.job;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code canceller.*}: how the cancellation step runs.
 *
 * @param chunkSize rows per chunk: how often the reader's position is committed (each outcome commits on its own);
 *                  large, because the DELETEs in flight drain at each chunk end
 * @param skipLimit how many REJECTED or FAILED rows one execution tolerates before it stops FAILED
 * @param progressInterval at most one progress line per interval
 * @param checkFirst read each restore job ({@code GET}) before its DELETE, as {@code --check-first} does
 */
@Validated
@ConfigurationProperties("canceller")
public record StepProperties(
        @Min(1) @DefaultValue("10000") int chunkSize,
        @Min(0) @DefaultValue("100") long skipLimit,
        @NotNull @DefaultValue("5s") Duration progressInterval,
        @DefaultValue("false") boolean checkFirst) {
}
