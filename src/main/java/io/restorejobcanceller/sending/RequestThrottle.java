package io.restorejobcanceller.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import io.restorejobcanceller.atlas.Endpoint;
import io.restorejobcanceller.atlas.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The request budgets, each a token bucket: its capacity the first burst, then one request per refill interval.
 * A request takes from the budget of its {@link Endpoint}'s endpoint set, as Atlas told it: one per project where the
 * set's scope is {@code GROUP} ({@link #follow}), one shared by every project where it is the organisation's, the
 * user's or the IP address's ({@link #share}); endpoints of one set share its budgets, whatever their path. Where
 * Atlas told nothing, the configured rate ({@code scope=project}: one per project, for every endpoint;
 * {@code scope=global}: one for everything); an optional global cap over all. A budget is paused by a 429's or 503's {@code Retry-After} or a low {@code RateLimit-Remaining}, and corrected
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
        /** Whose budget it is, for the log: "project X's bucket", "the shared bucket". */
        private final String whose;
        private Instant nextAtRate = Instant.MIN;
        private Instant pausedUntil = Instant.MIN;

        private Budget(Bucket bucket, boolean fromAtlas, String whose) {
            this.fromAtlas = fromAtlas;
            this.whose = whose;
            shape(bucket);
        }

        private boolean hasShape(Bucket bucket) {
            Budget other = new Budget(bucket, fromAtlas, whose);
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
    /** By endpoint set and project ({@code GROUP}), endpoint set (shared), or else project (the configured rate). */
    private final Map<String, Budget> budgets = new HashMap<>();
    /** The endpoint set of each endpoint Atlas told (its id), and whether its bucket is shared. */
    private final Map<Endpoint, Route> routes = new EnumMap<>(Endpoint.class);
    private final Budget global;

    private record Route(String set, boolean shared) {
    }

    public RequestThrottle(RateProperties properties, Sleeper sleeper, Clock clock, AtlasPauses pauses) {
        this.properties = properties;
        this.pauses = pauses;
        this.sleeper = sleeper;
        this.clock = clock;
        int globalRate = properties.scope() == RateProperties.Scope.GLOBAL ? properties.configuredPerMinute()
                : properties.globalRequestsPerMinute();
        this.global = new Budget(Bucket.perMinute(globalRate), false, "every request's");
    }

    /**
     * From now on this endpoint's requests of this project take from the bucket of endpoint set {@code set} in this
     * project (Atlas's GROUP scope), scaled by the configured share; the set's other endpoints share that budget.
     */
    public synchronized void follow(Endpoint endpoint, String set, String project, Bucket bucket) {
        routes.put(endpoint, new Route(set, false));
        follow(set + " " + project, bucket, "project " + project + "'s bucket");
    }

    /** From now on this endpoint's requests of every project take from one budget, endpoint set {@code set}'s bucket (Atlas's ORGANIZATION, USER or IP scope). */
    public synchronized void share(Endpoint endpoint, String set, Bucket bucket) {
        routes.put(endpoint, new Route(set, true));
        follow(set, bucket, "the shared bucket");
    }

    /** A budget already of this shape (another endpoint of the same set, a restart's look-up) is kept as it is. */
    private void follow(String key, Bucket bucket, String whose) {
        Bucket scaled = bucket.share(properties.shareOfBucket());
        Budget known = budgets.get(key);
        if (known == null || !known.fromAtlas || !known.hasShape(scaled)) {
            budgets.put(key, new Budget(scaled, true, whose));
        }
    }

    /** Takes the permit for a request now, or returns how long until one may be taken (nothing taken). */
    public synchronized Duration tryAcquire(Endpoint endpoint, String project) {
        Instant now = clock.instant();
        Budget own = budget(endpoint, project);
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

    /** Waits until a request may go, and takes its permit. */
    public void beforeRequest(Endpoint endpoint, String project) throws InterruptedException {
        beforeRequest(endpoint, project, sleeper);
    }

    /** Waits through this sleeper until a request may go, and takes its permit. */
    void beforeRequest(Endpoint endpoint, String project, Sleeper waiting) throws InterruptedException {
        for (Duration wait = tryAcquire(endpoint, project); !wait.isZero(); wait = tryAcquire(endpoint, project)) {
            waiting.sleep(wait);
        }
    }

    /**
     * Pauses the budget this request took from (and every project and endpoint sharing it) for this long: a 429 or
     * 503 with Retry-After. The pauses are counted by {@link AtlasPauses}.
     */
    public synchronized void pause(Endpoint endpoint, String project, Duration duration) {
        Instant now = clock.instant();
        Instant until = now.plus(duration);
        Budget budget = budget(endpoint, project);
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
    public void observeRemaining(Endpoint endpoint, String project, Integer rateLimitRemaining) {
        if (rateLimitRemaining != null && rateLimitRemaining <= properties.remainingFloor()) {
            pause(endpoint, project, properties.lowRemainingPause());
        }
    }

    /**
     * A 429 told the bucket: a budget that follows Atlas takes its shape (and every project sharing it); a configured
     * rate only ever slows down to its refill rate.
     */
    public synchronized void correct(Endpoint endpoint, String project, Bucket told) {
        Budget budget = budget(endpoint, project);
        Bucket scaled = told.share(properties.shareOfBucket());
        if (budget.fromAtlas ? budget.hasShape(scaled) : scaled.interval().compareTo(budget.interval) <= 0) {
            return;
        }
        if (budget.fromAtlas) {
            budget.shape(scaled);
        } else {
            budget.interval = scaled.interval();
        }
        log.info("Atlas refills {} {}: sending at that rate", budget.whose,
                told.rate() + (budget.fromAtlas ? " (capacity " + told.capacity() + ")" : ""));
    }

    /**
     * The budget of the endpoint's set as Atlas told it; else the project's at the configured rate (the look-ups of
     * the buckets, {@link Endpoint#RATE_LIMITS}, one of their own per project).
     */
    private Budget budget(Endpoint endpoint, String project) {
        String inProject = project == null ? "" : project;
        Route route = routes.get(endpoint);
        Budget told = route == null ? null : budgets.get(route.shared() ? route.set() : route.set() + " " + inProject);
        if (told != null) {
            return told;
        }
        if (properties.scope() == RateProperties.Scope.GLOBAL) {
            return global;
        }
        String key = endpoint == Endpoint.RATE_LIMITS ? "rateLimits " + inProject : inProject;
        return budgets.computeIfAbsent(key, k -> new Budget(Bucket.perMinute(properties.configuredPerMinute()), false,
                project == null ? "the bucket" : "project " + project + "'s bucket"));
    }
}
