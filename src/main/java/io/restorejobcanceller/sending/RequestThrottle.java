package io.restorejobcanceller.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.restorejobcanceller.atlas.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What every worker passes before each DELETE: a Resilience4j rate limiter (one permit every
 * {@code 60 s / requests-per-minute}, so the rate is smooth rather than bursty) and a pause shared by all workers,
 * set by a 429's {@code Retry-After} (Atlas's buckets are per endpoint set, not per thread) or by a low
 * {@code RateLimit-Remaining}. Waits go through the {@link Sleeper}.
 */
@Component
public class RequestThrottle {

    private static final Logger log = LoggerFactory.getLogger(RequestThrottle.class);

    private final RateLimiter limiter;
    private final RateProperties properties;
    private final Sleeper sleeper;
    private final Clock clock;
    private Instant pausedUntil = Instant.MIN;
    private int pauses;
    private Duration paused = Duration.ZERO;

    /** How often, and how long in all, the workers paused because Atlas asked them to. */
    public record Pauses(int count, Duration total) {

        @Override
        public String toString() {
            return count == 0 ? "no pause" : "paused " + count + (count == 1 ? " time" : " times")
                    + " for Atlas's Retry-After or a low RateLimit-Remaining, " + HumanDuration.of(total) + " in all";
        }
    }

    public RequestThrottle(RateProperties properties, Sleeper sleeper, Clock clock) {
        this.properties = properties;
        this.sleeper = sleeper;
        this.clock = clock;
        this.limiter = properties.requestsPerMinute() == 0 ? null : RateLimiter.of("atlas", RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(Duration.ofMinutes(1).toNanos() / properties.requestsPerMinute()))
                .timeoutDuration(Duration.ofDays(1))
                .build());
    }

    /** Blocks until this worker may send: past any shared pause, then holding a rate-limit permit. */
    public void beforeRequest() throws InterruptedException {
        for (Duration wait = pauseLeft(); !wait.isZero(); wait = pauseLeft()) {
            sleeper.sleep(wait);
        }
        if (limiter != null) {
            long nanos = limiter.reservePermission();
            if (nanos > 0) {
                sleeper.sleep(Duration.ofNanos(nanos));
            }
        }
    }

    /**
     * Pauses every worker for this long (a 429 or 503 with Retry-After). The first pause of a run is logged; the
     * others are summed ({@link #pauses()}) for the progress lines and the run's summary.
     */
    public synchronized void pauseAll(Duration duration) {
        Instant now = clock.instant();
        Instant until = now.plus(duration);
        if (until.isAfter(pausedUntil)) {
            boolean starts = !pausedUntil.isAfter(now); // a pause that only grows is the same pause
            if (starts && pauses == 0) {
                log.info("Atlas asked to wait: every worker pauses for {} (further pauses are counted in the progress lines)",
                        HumanDuration.of(duration));
            }
            pauses += starts ? 1 : 0;
            paused = paused.plus(Duration.between(starts ? now : pausedUntil, until));
            pausedUntil = until;
        }
    }

    public synchronized Pauses pauses() {
        return new Pauses(pauses, paused);
    }

    /** The pauses so far, counted afresh from now on (each run of an inbox has its own). */
    public synchronized Pauses takePauses() {
        Pauses taken = pauses();
        pauses = 0;
        paused = Duration.ZERO;
        return taken;
    }

    /** Slows everyone down when Atlas says the bucket is nearly empty. */
    public void observeRemaining(Integer rateLimitRemaining) {
        if (rateLimitRemaining != null && rateLimitRemaining <= properties.remainingFloor()) {
            pauseAll(properties.lowRemainingPause());
        }
    }

    private synchronized Duration pauseLeft() {
        Duration left = Duration.between(clock.instant(), pausedUntil);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
