package io.restorejobcanceller.job;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code canceller.*}: how the job runs.
 *
 * @param chunkSize rows per chunk: how often the reader's position is committed (each outcome commits on its own)
 * @param skipLimit how many REJECTED or FAILED rows one execution tolerates before it stops FAILED
 */
@Validated
@ConfigurationProperties("canceller")
public record CancellerProperties(
        @Min(1) @DefaultValue("100") int chunkSize,
        @Min(0) @DefaultValue("100") long skipLimit) {
}
