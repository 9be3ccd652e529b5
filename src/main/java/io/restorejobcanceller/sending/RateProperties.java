package io.restorejobcanceller.sending;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code canceller.rate.*}: the client-side limits. Atlas meters this endpoint per project, so by default the limit
 * and Atlas's pauses apply to each project on its own.
 *
 * @param requestsPerMinute requests per minute at most, spread evenly, for each project ({@code scope=project}) or
 *                          for all together ({@code scope=global}); 0 means unlimited
 * @param scope {@code project} or {@code global}: what the limit and Atlas's pauses apply to
 * @param globalRequestsPerMinute with {@code scope=project}, a cap on the sum over all projects; 0 means none
 * @param remainingFloor when an answer's {@code RateLimit-Remaining} is at or below this, the project pauses
 * @param lowRemainingPause how long it pauses then
 */
@Validated
@ConfigurationProperties("canceller.rate")
public record RateProperties(
        @Min(0) @DefaultValue("100") int requestsPerMinute,
        @NotNull @DefaultValue("project") Scope scope,
        @Min(0) @DefaultValue("0") int globalRequestsPerMinute,
        @Min(0) @DefaultValue("2") int remainingFloor,
        @NotNull @DefaultValue("2s") Duration lowRemainingPause) {

    public enum Scope { PROJECT, GLOBAL }

    /**
     * The least time requests to these projects (rows per project) take at the configured rates: the busiest
     * project's with {@code scope=project}, under the global cap if set; empty when unlimited.
     */
    public Optional<Duration> leastTimeFor(Map<String, Long> requestsPerProject) {
        long total = requestsPerProject.values().stream().mapToLong(Long::longValue).sum();
        long busiest = scope == Scope.PROJECT ? requestsPerProject.values().stream().mapToLong(Long::longValue).max().orElse(0) : total;
        int cap = scope == Scope.PROJECT ? globalRequestsPerMinute : 0;
        Duration least = max(atRate(busiest, requestsPerMinute), atRate(total, cap));
        return least.isZero() ? Optional.empty() : Optional.of(least);
    }

    private static Duration atRate(long requests, int perMinute) {
        return perMinute == 0 ? Duration.ZERO : Duration.ofMillis(requests * 60_000 / perMinute);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
