package io.restorejobcanceller.sending;

import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code canceller.rate.*}: the client-side limit shared by all workers.
 *
 * @param requestsPerMinute DELETEs per minute at most, spread evenly; 0 means unlimited
 * @param remainingFloor when an answer's {@code RateLimit-Remaining} is at or below this, all workers pause
 * @param lowRemainingPause how long they pause then
 */
@Validated
@ConfigurationProperties("canceller.rate")
public record RateProperties(
        @Min(0) @DefaultValue("100") int requestsPerMinute,
        @Min(0) @DefaultValue("2") int remainingFloor,
        @NotNull @DefaultValue("2s") Duration lowRemainingPause) {

    /** The least time this many requests take at the configured rate; empty when the rate is unlimited. */
    public Optional<Duration> leastTimeFor(long requests) {
        return requestsPerMinute == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(requests * 60_000 / requestsPerMinute));
    }
}
