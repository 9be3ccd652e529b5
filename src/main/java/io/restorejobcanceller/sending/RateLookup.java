package io.restorejobcanceller.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
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
import io.restorejobcanceller.atlas.Endpoint;
import io.restorejobcanceller.atlas.RateLimits;
import io.restorejobcanceller.atlas.Sleeper;

import org.springframework.stereotype.Component;

/**
 * Before a run's first request of an endpoint (a real run's DELETEs and {@code --check-first} GETs, find's lists):
 * asks Atlas ({@code GET /api/atlas/v2/rateLimits}, once per path and project) for the endpoint set of each endpoint
 * and its token bucket, and makes the {@link RequestThrottle} follow it: a bucket per project where the set's scope is
 * {@code GROUP}; one budget shared by the run where it is the organisation's, the user's or the IP address's. Where
 * Atlas would not tell (401/403: the credentials lack Project Read Only; 404: an older Atlas or a proxy; no answer, or
 * a wait past {@code lookup-timeout} in all), the rest keep the fallback rate: the look-up never fails a run. The
 * look-ups are requests like any other: paced ({@link Endpoint#RATE_LIMITS}), paused and corrected by a 429.
 */
@Component
public class RateLookup {

    /** A cancel run's endpoints: one look-up of their path tells both. */
    static final List<Endpoint> CANCEL_AND_CHECK = List.of(Endpoint.CANCEL, Endpoint.CHECK);
    static final String CANCEL_PATH = Endpoint.CANCEL.path();
    /** Pages of endpoint sets read at most for one project (one usually holds every set of the path). */
    private static final int MAX_PAGES = 5;

    private final RateLimits.Pages atlas;
    private final RequestThrottle throttle;
    private final RateProperties properties;
    private final RetryProperties retry;
    private final Sleeper sleeper;
    private final Clock clock;

    public RateLookup(RateLimits.Pages atlas, RequestThrottle throttle, RateProperties properties, RetryProperties retry,
                      Sleeper sleeper, Clock clock) {
        this.atlas = atlas;
        this.throttle = throttle;
        this.properties = properties;
        this.retry = retry;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** Where the rate of the DELETEs of these projects comes from, after making the throttle follow Atlas's buckets. */
    public RateSources follow(Collection<String> projects) {
        return follow(projects, CANCEL_AND_CHECK, deadline());
    }

    /** When look-ups starting now must be done: {@code lookup-timeout} from now. */
    public Instant deadline() {
        return clock.instant().plus(properties.lookupTimeout());
    }

    /**
     * Makes the throttle follow the buckets of these endpoints in these projects, asking until {@code deadline}; returns
     * where the rate of the first endpoint comes from.
     */
    public RateSources follow(Collection<String> projects, List<Endpoint> endpoints, Instant deadline) {
        if (!properties.followsAtlas()) {
            return RateSources.configured(properties);
        }
        RateSources.Found found = new RateSources.Found(endpoints);
        ExecutorService asking = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "atlas-rate-limits");
            thread.setDaemon(true);
            return thread;
        });
        Future<?> lookup = asking.submit(() -> ask(List.copyOf(projects), endpoints, found, deadline));
        try {
            lookup.get(Math.max(0, Duration.between(clock.instant(), deadline).toMillis()), TimeUnit.MILLISECONDS);
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

    private void ask(List<String> projects, List<Endpoint> endpoints, RateSources.Found found, Instant deadline) {
        Sleeper within = wait -> {
            if (clock.instant().plus(wait).isAfter(deadline)) {
                throw new PastDeadline(wait);
            }
            sleeper.sleep(wait);
        };
        PacedRequests paced = new PacedRequests(throttle, retry, within, false);
        Map<String, List<Endpoint>> byPath = new LinkedHashMap<>();
        endpoints.forEach(endpoint -> byPath.computeIfAbsent(endpoint.path(), p -> new ArrayList<>()).add(endpoint));
        try {
            for (var path : byPath.entrySet()) {
                // a path outside projects (the list of projects) is asked without one
                ask(paced, path.getKey(), path.getValue(), path.getValue().get(0).inProject() ? projects
                        : Collections.singletonList(null), found);
            }
        } catch (AtlasApiException e) {
            found.refuse(e.status() + (e.errorCode() != null ? " " + e.errorCode() : ""));
        } catch (AtlasUnreachableException e) {
            found.refuse("no answer: " + e.getMessage());
        } catch (PastDeadline e) {
            found.refuse("a wait of " + HumanDuration.of(e.wait) + " past the look-up timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            found.refuse("interrupted");
        }
    }

    /**
     * The sets of this path's endpoints: in each project ({@code null}: none) while they are {@code GROUP} sets, else
     * the one without a project, asked once: a shared bucket is the same for every project.
     */
    private void ask(PacedRequests paced, String path, List<Endpoint> endpoints, List<String> projects, RateSources.Found found)
            throws InterruptedException {
        List<Endpoint> perProject = new ArrayList<>(endpoints);
        Map<String, List<RateLimits.EndpointSet>> withoutProject = new HashMap<>();
        for (String project : projects) {
            List<RateLimits.EndpointSet> sets = project == null ? List.of() : sets(paced, project, path, perProject);
            for (Endpoint endpoint : List.copyOf(perProject)) {
                RateLimits.EndpointSet own = covering(sets, endpoint);
                if (own != null && "GROUP".equals(own.scope())) {
                    found.project(endpoint, project, own);
                } else {
                    List<RateLimits.EndpointSet> shared = withoutProject.get(path);
                    if (shared == null) {
                        shared = sets(paced, null, path, perProject);
                        withoutProject.put(path, shared);
                    }
                    found.shared(endpoint, own != null ? own : covering(shared, endpoint));
                    perProject.remove(endpoint);
                }
            }
            if (perProject.isEmpty()) {
                return;
            }
        }
    }

    /** The endpoint sets of the path as they apply to this project ({@code null}: the defaults of every scope), until those of these endpoints are read. */
    private List<RateLimits.EndpointSet> sets(PacedRequests paced, String project, String path, List<Endpoint> endpoints)
            throws InterruptedException {
        List<RateLimits.EndpointSet> sets = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            int pageNum = page;
            RateLimits answer = paced.send(Endpoint.RATE_LIMITS, project, () -> atlas.page(project, path, pageNum));
            if (answer.results() == null || answer.results().isEmpty()) {
                break;
            }
            sets.addAll(answer.results());
            if (endpoints.stream().allMatch(endpoint -> covering(sets, endpoint) != null)
                    || answer.totalCount() != null && sets.size() >= answer.totalCount()) {
                break;
            }
        }
        return sets;
    }

    private static RateLimits.EndpointSet covering(List<RateLimits.EndpointSet> sets, Endpoint endpoint) {
        return sets.stream().filter(set -> set.covers(endpoint.method(), endpoint.path())).findFirst().orElse(null);
    }

    /** A wait (a pause Atlas asked for, the look-ups' own pace) that would end past the look-ups' deadline. */
    private static final class PastDeadline extends RuntimeException {
        private final transient Duration wait;

        private PastDeadline(Duration wait) {
            super(null, null, false, false);
            this.wait = wait;
        }
    }
}
