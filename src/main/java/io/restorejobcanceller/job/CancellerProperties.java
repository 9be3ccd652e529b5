package io.restorejobcanceller.job;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code canceller.*}: how the job runs.
 *
 * @param chunkSize rows per chunk: how often the reader's position is committed (each outcome commits on its own)
 * @param skipLimit how many REJECTED or FAILED rows one execution tolerates before it stops FAILED
 * @param progressInterval at most one progress line per interval
 * @param concurrency DELETEs in flight at most (the database pool must be larger: see README)
 */
@Validated
@ConfigurationProperties("canceller")
public record CancellerProperties(
        @Min(1) @DefaultValue("10000") int chunkSize,
        @Min(0) @DefaultValue("100") long skipLimit,
        @NotNull @DefaultValue("5s") Duration progressInterval,
        @Min(1) @Max(32) @DefaultValue("8") int concurrency) {
}
