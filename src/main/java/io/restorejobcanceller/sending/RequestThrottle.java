package io.restorejobcanceller.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.restorejobcanceller.atlas.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The request budgets, each a token bucket: its capacity the first burst, then one request per refill interval.
 * A project's budget is the bucket Atlas told for it ({@link #follow}), one budget shared by every project when
 * Atlas's bucket is the organisation's, the user's or the IP address's ({@link #share}), or else the configured rate
 * ({@code scope=project}: one per project; {@code scope=global}: one for everything); an optional global cap over
 * all. A budget is paused by a 429's or 503's {@code Retry-After} or a low {@code RateLimit-Remaining}, and corrected
 * by the bucket a 429 tells ({@link #correct}). {@link #tryAcquire} never blocks, so that the dispatcher can send
 * another project's row while one waits; {@link #beforeRequest} waits through the {@link Sleeper}.
 */
@Component
public class RequestThrottle {

    private static final Logger log = LoggerFactory.getLogger(RequestThrottle.class);

    /** One schedule (GCRA): the instant the next request would go at the refill rate, and until when Atlas asked to wait. */
    private static final class Budget {
        private Duration interval;
        private int burst;
        private final boolean fromAtlas;
        private Instant nextAtRate = Instant.MIN;
        private Instant pausedUntil = Instant.MIN;

        private Budget(Bucket bucket, boolean fromAtlas) {
            this.fromAtlas = fromAtlas;
            shape(bucket);
        }

        private boolean hasShape(Bucket bucket) {
            Budget other = new Budget(bucket, fromAtlas);
            return interval.equals(other.interval) && burst == other.burst;
        }

        /**
         * A bucket Atlas told is followed with a little slack: a burst a fifth (at least one) short of its capacity and
         * 1 % more time between refills, so that requests that reach Atlas sooner after the ones before than they left
         * here (a worker thread or the machine was late) still find a token.
         */
        private void shape(Bucket bucket) {
            interval = bucket == null ? Duration.ZERO : fromAtlas ? bucket.interval().multipliedBy(101).dividedBy(100) : bucket.interval();
            burst = bucket == null ? 1 : fromAtlas ? Math.max(1, bucket.capacity() - Math.max(1, (bucket.capacity() + 4) / 5)) : bucket.capacity();
        }

        private Instant readyAt() {
            Instant byRate = nextAtRate == Instant.MIN ? Instant.MIN : nextAtRate.minus(interval.multipliedBy(burst - 1));
            return byRate.isAfter(pausedUntil) ? byRate : pausedUntil;
        }

        private void take(Instant now) {
            nextAtRate = (nextAtRate.isAfter(now) ? nextAtRate : now).plus(interval);
        }
    }

    private final RateProperties properties;
    private final Sleeper sleeper;
    private final Clock clock;
    private final AtlasPauses pauses;
    private final Map<String, Budget> budgets = new HashMap<>();
    private final Budget global;
    /** The budget of projects Atlas told nothing of: the shared one once Atlas told a shared bucket. */
    private Budget shared;

    public RequestThrottle(RateProperties properties, Sleeper sleeper, Clock clock, AtlasPauses pauses) {
        this.properties = properties;
        this.pauses = pauses;
        this.sleeper = sleeper;
        this.clock = clock;
        int globalRate = properties.scope() == RateProperties.Scope.GLOBAL ? properties.configuredPerMinute()
                : properties.globalRequestsPerMinute();
        this.global = new Budget(Bucket.perMinute(globalRate), false);
    }

    /** From now on this project sends within this bucket of its own (Atlas's GROUP scope), scaled by the configured share. */
    public synchronized void follow(String project, Bucket bucket) {
        budgets.put(project, new Budget(bucket.share(properties.shareOfBucket()), true));
    }

    /** From now on these projects, and any other, share one budget of this bucket (Atlas's ORGANIZATION, USER or IP scope). */
    public synchronized void share(Collection<String> projects, Bucket bucket) {
        shared = new Budget(bucket.share(properties.shareOfBucket()), true);
        projects.forEach(project -> budgets.put(project, shared));
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
     * Pauses this project's budget (and every project sharing it) for this long: a 429 or 503 with Retry-After. The
     * pauses are counted by {@link AtlasPauses}.
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

    /**
     * A 429 told the bucket: a budget that follows Atlas takes its shape (and every project sharing it); a configured
     * rate only ever slows down to its refill rate.
     */
    public synchronized void correct(String project, Bucket told) {
        Budget budget = budget(project);
        Bucket scaled = told.share(properties.shareOfBucket());
        if (budget.fromAtlas ? budget.hasShape(scaled) : scaled.interval().compareTo(budget.interval) <= 0) {
            return;
        }
        if (budget.fromAtlas) {
            budget.shape(scaled);
        } else {
            budget.interval = scaled.interval();
        }
        log.info("Atlas refills {} {}: sending at that rate", budget == global || budget == shared ? "the shared bucket"
                : "project " + project + "'s bucket", told.rate() + (budget.fromAtlas ? " (capacity " + told.capacity() + ")" : ""));
    }

    private Budget budget(String project) {
        Budget own = budgets.get(project == null ? "" : project);
        if (own != null) {
            return own;
        }
        if (properties.scope() == RateProperties.Scope.GLOBAL && shared == null) {
            return global;
        }
        return budgets.computeIfAbsent(project == null ? "" : project,
                p -> shared != null ? shared : new Budget(Bucket.perMinute(properties.configuredPerMinute()), false));
    }
}
