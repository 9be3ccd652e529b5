package io.restorejobcanceller.sending;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code canceller.rate.*}: how fast requests go. By default a real run asks Atlas for the bucket of the cancel
 * endpoint and follows it ({@link RateLookup}); a configured rate replaces that.
 *
 * @param requestsPerMinute a configured rate instead of Atlas's buckets: requests per minute at most, spread evenly,
 *                          for each project ({@code scope=project}) or for all together ({@code scope=global}); a 429
 *                          that tells a slower bucket still slows it down; 0 means unlimited; unset: follow Atlas
 * @param scope {@code project} or {@code global}: what a configured rate and Atlas's pauses apply to
 * @param globalRequestsPerMinute with {@code scope=project}, a cap on the sum over all projects; 0 means none
 * @param remainingFloor when an answer's {@code RateLimit-Remaining} is at or below this, the project pauses
 * @param lowRemainingPause how long it pauses then
 * @param shareOfBucket the share of Atlas's bucket (its capacity and refill rate) the run uses, leaving the rest to
 *                      other automation of the same project or organisation
 * @param fallbackRequestsPerMinute the rate per project when Atlas would not tell its bucket
 * @param lookupTimeout the longest the look-up of Atlas's buckets may take before the run falls back
 */
@Validated
@ConfigurationProperties("canceller.rate")
public record RateProperties(
        @Min(0) Integer requestsPerMinute,
        @NotNull @DefaultValue("project") Scope scope,
        @Min(0) @DefaultValue("0") int globalRequestsPerMinute,
        @Min(0) @DefaultValue("2") int remainingFloor,
        @NotNull @DefaultValue("2s") Duration lowRemainingPause,
        @DecimalMin("0.01") @DecimalMax("1.0") @DefaultValue("1.0") double shareOfBucket,
        @Min(1) @DefaultValue("100") int fallbackRequestsPerMinute,
        @NotNull @DefaultValue("5s") Duration lookupTimeout) {

    public enum Scope { PROJECT, GLOBAL }

    @ConstructorBinding
    public RateProperties {
    }

    /** Whether Atlas is asked for its buckets: no rate is configured. */
    public boolean followsAtlas() {
        return requestsPerMinute == null;
    }

    /** The rate of a budget Atlas told nothing of: the configured one, else the fallback. */
    int configuredPerMinute() {
        return requestsPerMinute != null ? requestsPerMinute : fallbackRequestsPerMinute;
    }

    /**
     * The least time requests to these projects (rows per project) take at the configured rates: the busiest
     * project's with {@code scope=project}, under the global cap if set; empty when unlimited.
     */
    public Optional<Duration> leastTimeFor(Map<String, Long> requestsPerProject) {
        long total = requestsPerProject.values().stream().mapToLong(Long::longValue).sum();
        long busiest = scope == Scope.PROJECT ? requestsPerProject.values().stream().mapToLong(Long::longValue).max().orElse(0) : total;
        int cap = scope == Scope.PROJECT ? globalRequestsPerMinute : 0;
        Duration least = max(atRate(busiest, configuredPerMinute()), atRate(total, cap));
        return least.isZero() ? Optional.empty() : Optional.of(least);
    }

    private static Duration atRate(long requests, int perMinute) {
        return perMinute == 0 ? Duration.ZERO : Duration.ofMillis(requests * 60_000 / perMinute);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
