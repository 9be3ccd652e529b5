package io.restorejobcanceller.sending;

import java.time.Duration;

import io.restorejobcanceller.atlas.Retries;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code canceller.retry.*}: how transient answers (429, 500, 502, 503, 504, 405 during an Atlas upgrade, no answer)
 * are retried.
 *
 * @param maxAttempts DELETEs sent for one row at most, the first one included
 * @param initialDelay wait before the first retry, doubled (by {@code multiplier}) for each further one
 * @param maxDelay cap on the backoff waits
 * @param jitter random spread added to each wait so that retries do not arrive in lockstep
 * @param maxRetryAfter cap on a server's {@code Retry-After}, honoured in full up to it
 * @param rateLimitedDelay the wait after a 429 without {@code Retry-After}, doubled for each further 429 of the row
 *                         (Atlas asks for at least 10 s, then progressively longer)
 */
@Validated
@ConfigurationProperties("canceller.retry")
public record RetryProperties(
        @Min(1) @DefaultValue("4") int maxAttempts,
        @NotNull @DefaultValue("1s") Duration initialDelay,
        @DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
        @NotNull @DefaultValue("60s") Duration maxDelay,
        @NotNull @DefaultValue("250ms") Duration jitter,
        @NotNull @DefaultValue("10m") Duration maxRetryAfter,
        @NotNull @DefaultValue("10s") Duration rateLimitedDelay) {

    /** The retry loop's policy for a row's requests. */
    public Retries.Policy policy() {
        return new Retries.Policy(maxAttempts, initialDelay, multiplier, maxDelay, jitter, maxRetryAfter);
    }
}
