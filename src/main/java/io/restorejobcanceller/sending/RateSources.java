package io.restorejobcanceller.sending;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.restorejobcanceller.atlas.Endpoint;
import io.restorejobcanceller.atlas.RateLimits;

/** Where the rate of a run's projects comes from, for its plan line, and the least time their rows take at it. */
public record RateSources(List<Source> sources) {

    /**
     * Some projects' rate: {@code bucket} for each of them, or for all together when {@code shared}; {@code null} for
     * a configured rate (see {@link RateProperties#leastTimeFor}).
     */
    public record Source(Set<String> projects, Bucket bucket, boolean shared, String says) {
    }

    static RateSources configured(RateProperties properties) {
        return new RateSources(List.of(new Source(null, null, false, "configured: " + perMinute(properties.configuredPerMinute(), properties))));
    }

    static Source project(String project, Bucket bucket) {
        return new Source(Set.of(project), bucket, false, "Atlas: " + bucket.rate() + " per project (capacity " + bucket.capacity() + ")");
    }

    static Source shared(Collection<String> projects, Bucket bucket, String scope) {
        String whose = switch (scope == null ? "" : scope) {
            case "ORGANIZATION" -> "the organisation";
            case "USER" -> "the user";
            case "IP" -> "this IP address";
            default -> "every project";
        };
        return new Source(Set.copyOf(projects), bucket, true, "Atlas: " + bucket.rate() + " shared by " + whose + " (capacity "
                + bucket.capacity() + ")");
    }

    static Source notTold(Collection<String> projects, String why, RateProperties properties) {
        return new Source(Set.copyOf(projects), Bucket.perMinute(properties.fallbackRequestsPerMinute()), false,
                "Atlas would not tell (" + why + "): " + perMinute(properties.fallbackRequestsPerMinute(), properties));
    }

    private static String perMinute(int requestsPerMinute, RateProperties properties) {
        return requestsPerMinute == 0 ? "unlimited" : requestsPerMinute + " per minute"
                + (properties.scope() == RateProperties.Scope.PROJECT ? " per project" : "");
    }

    public boolean configured() {
        return sources.size() == 1 && sources.get(0).bucket() == null && sources.get(0).projects() == null;
    }

    /** {@code Atlas: 600 per 60 s per project (capacity 10)}, with how many projects each when they differ. */
    public String describe() {
        Map<String, Long> projectsBySaying = new LinkedHashMap<>();
        for (Source source : sources) {
            projectsBySaying.merge(source.says(), source.projects() == null ? 0L : source.projects().size(), Long::sum);
        }
        if (projectsBySaying.size() == 1) {
            return projectsBySaying.keySet().iterator().next();
        }
        return projectsBySaying.entrySet().stream().map(e -> e.getKey() + " for " + e.getValue() + (e.getValue() == 1 ? " project" : " projects"))
                .collect(Collectors.joining(", "));
    }

    /** The least time these rows (per project) take at the buckets: the slowest budget's first burst and refills. */
    public Optional<Duration> leastTimeFor(Map<String, Long> rowsPerProject, RateProperties properties) {
        if (configured()) {
            return properties.leastTimeFor(rowsPerProject);
        }
        Duration least = Duration.ZERO;
        for (Source source : sources) {
            if (source.bucket() == null) {
                continue;
            }
            List<Long> rows = source.projects().stream().map(p -> rowsPerProject.getOrDefault(p, 0L)).toList();
            long busiest = source.shared() ? rows.stream().mapToLong(Long::longValue).sum() : rows.stream().mapToLong(Long::longValue).max().orElse(0);
            Duration time = source.bucket().leastTimeFor(busiest);
            least = time.compareTo(least) > 0 ? time : least;
        }
        return least.isZero() ? Optional.empty() : Optional.of(least);
    }

    /**
     * What a {@link RateLookup} found so far, per endpoint: its {@code GROUP} set in each project, or its shared set; read
     * by the run's thread once the look-up is done or out of time, when it makes the throttle follow them.
     */
    static final class Found {

        private final List<Endpoint> endpoints;
        private final Map<Endpoint, Map<String, RateLimits.EndpointSet>> inProjects = new EnumMap<>(Endpoint.class);
        private final Map<Endpoint, RateLimits.EndpointSet> shared = new EnumMap<>(Endpoint.class);
        private String refusal;

        /** {@code endpoints}: the first is the one whose sources {@link #apply} returns. */
        Found(List<Endpoint> endpoints) {
            this.endpoints = endpoints;
        }

        synchronized void project(Endpoint endpoint, String project, RateLimits.EndpointSet set) {
            if (bucket(set) != null && refusal == null) {
                inProjects.computeIfAbsent(endpoint, e -> new LinkedHashMap<>()).put(project, set);
            }
        }

        /** The endpoint's set without a project ({@code null}: Atlas has none for it). */
        synchronized void shared(Endpoint endpoint, RateLimits.EndpointSet set) {
            if (refusal == null) {
                shared.put(endpoint, set);
            }
        }

        synchronized void refuse(String why) {
            if (refusal == null) {
                refusal = why;
            }
        }

        /** Makes the throttle follow what was found; returns where the rate of the first endpoint in these projects comes from. */
        synchronized RateSources apply(Collection<String> asked, RequestThrottle throttle, RateProperties properties) {
            for (Endpoint endpoint : endpoints) {
                RateLimits.EndpointSet sharedSet = shared.get(endpoint);
                if (bucket(sharedSet) != null) {
                    throttle.share(endpoint, identity(sharedSet, endpoint), bucket(sharedSet));
                }
                inProjects.getOrDefault(endpoint, Map.of()).forEach((project, set) ->
                        throttle.follow(endpoint, identity(set, endpoint), project, bucket(set)));
            }
            Endpoint described = endpoints.get(0);
            RateLimits.EndpointSet sharedSet = shared.get(described);
            Bucket sharedBucket = bucket(sharedSet);
            if (sharedBucket != null) {
                return new RateSources(List.of(RateSources.shared(asked, sharedBucket.share(properties.shareOfBucket()), sharedSet.scope())));
            }
            List<RateSources.Source> sources = new ArrayList<>();
            Map<String, RateLimits.EndpointSet> own = inProjects.getOrDefault(described, Map.of());
            own.forEach((project, set) -> sources.add(RateSources.project(project, bucket(set).share(properties.shareOfBucket()))));
            List<String> left = asked.stream().filter(project -> !own.containsKey(project)).toList();
            // an endpoint of no project (the projects' list) that Atlas told nothing of goes at the fallback too
            if (!left.isEmpty() || sources.isEmpty()) {
                String why = refusal != null ? refusal : shared.containsKey(described)
                        ? "no endpoint set for " + described.method() + " " + described.path() : "not asked";
                sources.add(notTold(left, why, properties));
            }
            return new RateSources(sources);
        }

        /** The endpoint set's identity as Atlas names it: endpoints of one set share its budgets. */
        private static String identity(RateLimits.EndpointSet set, Endpoint endpoint) {
            return set.endpointSetId() != null ? set.endpointSetId() : set.endpointSetName() != null ? set.endpointSetName()
                    : endpoint.name();
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
