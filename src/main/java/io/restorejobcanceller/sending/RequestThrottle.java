package io.restorejobcanceller.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.restorejobcanceller.atlas.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The request budgets: with {@code scope=project} one per project (Atlas's token buckets are per project), each
 * spreading its requests evenly at {@code requests-per-minute} and paused on its own by a 429's or 503's
 * {@code Retry-After} or a low {@code RateLimit-Remaining}; an optional global cap over all of them. With
 * {@code scope=global}, one budget for everything. A 429 that tells the bucket's refill rate lowers that project's
 * rate to it, never above the configured one. {@link #tryAcquire} never blocks, so that the dispatcher can send
 * another project's row while one waits; {@link #beforeRequest} waits through the {@link Sleeper}.
 */
@Component
public class RequestThrottle {

    private static final Logger log = LoggerFactory.getLogger(RequestThrottle.class);
    private static final String ALL_PROJECTS = "";

    /** One token-free schedule: the next instant a request may go, and until when Atlas asked to wait. */
    private static final class Budget {
        private Duration interval;
        private Instant nextFree = Instant.MIN;
        private Instant pausedUntil = Instant.MIN;

        private Budget(Duration interval) {
            this.interval = interval;
        }

        private Instant readyAt() {
            return nextFree.isAfter(pausedUntil) ? nextFree : pausedUntil;
        }

        private void take(Instant now) {
            nextFree = (nextFree.isAfter(now) ? nextFree : now).plus(interval);
        }
    }

    private final RateProperties properties;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Map<String, Budget> budgets = new HashMap<>();
    private final Budget global;
    private final AtlasPauses pauses;

    public RequestThrottle(RateProperties properties, Sleeper sleeper, Clock clock, AtlasPauses pauses) {
        this.properties = properties;
        this.pauses = pauses;
        this.sleeper = sleeper;
        this.clock = clock;
        int globalRate = properties.scope() == RateProperties.Scope.GLOBAL ? properties.requestsPerMinute()
                : properties.globalRequestsPerMinute();
        this.global = new Budget(interval(globalRate));
    }

    /** Takes the permit for a request of this project now, or returns how long until one may be taken (nothing taken). */
    public synchronized Duration tryAcquire(String project) {
        Instant now = clock.instant();
        Budget own = budget(project);
        Instant ready = own.readyAt().isAfter(global.readyAt()) ? own.readyAt() : global.readyAt();
        if (ready.isAfter(now)) {
            return Duration.between(now, ready);
        }
        own.take(now);
        if (own != global) {
            global.take(now);
        }
        return Duration.ZERO;
    }

    /** Waits until a request of this project may go, and takes its permit. */
    public void beforeRequest(String project) throws InterruptedException {
        for (Duration wait = tryAcquire(project); !wait.isZero(); wait = tryAcquire(project)) {
            sleeper.sleep(wait);
        }
    }

    /**
     * Pauses this project's requests (all requests with {@code scope=global}) for this long: a 429 or 503 with
     * Retry-After. The pauses are counted by {@link AtlasPauses}.
     */
    public synchronized void pause(String project, Duration duration) {
        Instant now = clock.instant();
        Instant until = now.plus(duration);
        Budget budget = budget(project);
        if (!until.isAfter(budget.pausedUntil)) {
            return;
        }
        if (budget.pausedUntil.isAfter(now)) { // a pause that only grows is the same pause
            pauses.grew(Duration.between(budget.pausedUntil, until));
        } else {
            pauses.began(budget == global ? "every request" : "project " + project, duration);
        }
        budget.pausedUntil = until;
    }

    /** Slows the project down when Atlas says its bucket is nearly empty. */
    public void observeRemaining(String project, Integer rateLimitRemaining) {
        if (rateLimitRemaining != null && rateLimitRemaining <= properties.remainingFloor()) {
            pause(project, properties.lowRemainingPause());
        }
    }

    /** Atlas told the bucket's refill rate: the project goes no faster than that (and never faster than configured). */
    public synchronized void learnRefillRate(String project, int requests, Duration per) {
        if (requests <= 0 || per.isZero() || per.isNegative()) {
            return;
        }
        Budget budget = budget(project);
        Duration atlas = per.dividedBy(requests);
        if (atlas.compareTo(budget.interval) > 0) {
            budget.interval = atlas;
            log.info("Atlas refills {} {} per {}: sending at that rate", budget == global ? "the bucket" : "project " + project
                    + "'s bucket", requests, HumanDuration.of(per));
        }
    }

    private Budget budget(String project) {
        if (properties.scope() == RateProperties.Scope.GLOBAL) {
            return global;
        }
        return budgets.computeIfAbsent(project == null ? ALL_PROJECTS : project, p -> new Budget(interval(properties.requestsPerMinute())));
    }

    private static Duration interval(int requestsPerMinute) {
        return requestsPerMinute == 0 ? Duration.ZERO : Duration.ofNanos(Duration.ofMinutes(1).toNanos() / requestsPerMinute);
    }
}
