package io.restorejobcanceller.sending;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
}
