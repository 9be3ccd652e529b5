package io.restorejobcanceller.sending;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.restorejobcanceller.atlas.AtlasApiException;
import io.restorejobcanceller.atlas.AtlasUnreachableException;
import io.restorejobcanceller.atlas.RateLimits;

import org.springframework.stereotype.Component;

/**
 * Before a real run sends its first DELETE: asks Atlas ({@code GET /api/atlas/v2/rateLimits}) for the token bucket of
 * the cancel endpoint in each project of the file, and makes the {@link RequestThrottle} follow it: a bucket per
 * project where its scope is {@code GROUP}; one budget shared by the run where it is the organisation's, the user's
 * or the IP address's. Where Atlas would not tell (401/403: the credentials lack Project Read Only; 404: an older
 * Atlas or a proxy; no answer within {@code lookup-timeout}), the rest of the projects keep the fallback rate: the
 * look-up never fails a run.
 */
@Component
public class RateLookup {

    static final String CANCEL_PATH = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/restoreJobs/{restoreJobId}";
    private static final String CANCEL_METHOD = "DELETE";
    /** Pages of endpoint sets read at most for one project (one usually holds every set of the path). */
    private static final int MAX_PAGES = 5;

    private final RateLimits.Pages atlas;
    private final RequestThrottle throttle;
    private final RateProperties properties;

    public RateLookup(RateLimits.Pages atlas, RequestThrottle throttle, RateProperties properties) {
        this.atlas = atlas;
        this.throttle = throttle;
        this.properties = properties;
    }

    /** Where the rate of these projects comes from, after making the throttle follow Atlas's buckets when it tells them. */
    public RateSources follow(Collection<String> projects) {
        if (!properties.followsAtlas()) {
            return RateSources.configured(properties);
        }
        Found found = new Found();
        ExecutorService asking = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "atlas-rate-limits");
            thread.setDaemon(true);
            return thread;
        });
        Future<?> lookup = asking.submit(() -> ask(List.copyOf(projects), found));
        try {
            lookup.get(properties.lookupTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            found.refuse("no answer in " + HumanDuration.of(properties.lookupTimeout()));
        } catch (ExecutionException e) {
            found.refuse(e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            found.refuse("interrupted");
        } finally {
            asking.shutdownNow();
        }
        return found.apply(projects, throttle, properties);
    }

    private void ask(List<String> projects, Found found) {
        try {
            for (String project : projects) {
                RateLimits.EndpointSet own = cancelSet(project);
                if (own != null && "GROUP".equals(own.scope())) {
                    found.project(project, own);
                } else {
                    RateLimits.EndpointSet shared = own != null ? own : cancelSet(null);
                    found.shared(shared);
                    return; // a shared bucket is the same for every project
                }
            }
        } catch (AtlasApiException e) {
            found.refuse(e.status() + (e.errorCode() != null ? " " + e.errorCode() : ""));
        } catch (AtlasUnreachableException e) {
            found.refuse("no answer: " + e.getMessage());
        }
    }

    /** The endpoint set of the cancel endpoint, as it applies to this project ({@code null}: the defaults of every scope). */
    private RateLimits.EndpointSet cancelSet(String project) {
        for (int page = 1; page <= MAX_PAGES; page++) {
            RateLimits sets = atlas.page(project, CANCEL_PATH, page);
            if (sets.results() == null || sets.results().isEmpty()) {
                return null;
            }
            for (RateLimits.EndpointSet set : sets.results()) {
                if (set.covers(CANCEL_METHOD, CANCEL_PATH)) {
                    return set;
                }
            }
        }
        return null;
    }

    /** What the look-up found so far; read by the run's thread once the look-up is done or out of time. */
    private static final class Found {
        private final Map<String, Bucket> projects = new LinkedHashMap<>();
        private RateLimits.EndpointSet shared;
        private boolean sharedAsked;
        private String refusal;

        private synchronized void project(String project, RateLimits.EndpointSet set) {
            Bucket bucket = bucket(set);
            if (bucket != null && refusal == null) {
                projects.put(project, bucket);
            }
        }

        private synchronized void shared(RateLimits.EndpointSet set) {
            if (refusal == null) {
                sharedAsked = true;
                shared = set;
            }
        }

        private synchronized void refuse(String why) {
            if (refusal == null) {
                refusal = why;
            }
        }

        private synchronized RateSources apply(Collection<String> asked, RequestThrottle throttle, RateProperties properties) {
            List<RateSources.Source> sources = new ArrayList<>();
            Bucket sharedBucket = shared == null ? null : bucket(shared);
            if (sharedBucket != null) {
                throttle.share(asked, sharedBucket);
                sources.add(RateSources.shared(asked, sharedBucket.share(properties.shareOfBucket()), shared.scope()));
                return new RateSources(sources);
            }
            projects.forEach(throttle::follow);
            projects.forEach((project, bucket) -> sources.add(RateSources.project(project, bucket.share(properties.shareOfBucket()))));
            List<String> left = asked.stream().filter(project -> !projects.containsKey(project)).toList();
            if (!left.isEmpty()) {
                String why = refusal != null ? refusal : sharedAsked ? "no endpoint set for the cancel endpoint" : "not asked";
                sources.add(RateSources.notTold(left, why, properties));
            }
            return new RateSources(sources);
        }

        private static Bucket bucket(RateLimits.EndpointSet set) {
            if (set == null || set.capacity() == null || set.refillRate() == null || set.refillDurationSeconds() == null
                    || set.capacity().value() == null || set.refillRate().value() == null || set.refillDurationSeconds().value() == null
                    || set.refillRate().value() <= 0 || set.refillDurationSeconds().value() <= 0) {
                return null;
            }
            return new Bucket(set.capacity().value().intValue(), set.refillRate().value().intValue(),
                    Duration.ofSeconds(set.refillDurationSeconds().value()));
        }
    }
}
