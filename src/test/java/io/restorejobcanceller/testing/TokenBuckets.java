package io.restorejobcanceller.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Atlas's rate limits as the stubs play them: endpoint sets, each a list of endpoints with one token bucket per project
 * (scope {@code GROUP}, some projects' buckets possibly set apart) or one for every project (any other scope). A
 * request without a token gets how long until the next one. They are what {@code GET /api/atlas/v2/rateLimits} tells.
 */
public final class TokenBuckets {

    public static final String RESTORE_JOB = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/restoreJobs/{restoreJobId}";

    /** A bucket's shape: how many tokens it holds, and how many it gets back per minute. */
    public record Shape(int capacity, int refillPerMinute) {

        /** {@code CAPACITY:REFILL_PER_MINUTE}, e.g. {@code 10:600}. */
        public static Shape parse(String text) {
            String[] parts = text.split(":");
            return new Shape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        }
    }

    /** An endpoint set: {@code endpoints} as {@code "METHOD /path/{template}"}. */
    public record EndpointSet(String id, String scope, Shape shape, Map<String, Shape> apart, List<String> endpoints) {

        /** e.g. {@code of("restoreJobs", "GROUP", "10:600", Map.of(), "GET " + RESTORE_JOB, "DELETE " + RESTORE_JOB)}. */
        public static EndpointSet of(String id, String scope, String shape, Map<String, String> apart, String... endpoints) {
            return new EndpointSet(id, scope, Shape.parse(shape), apart.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> Shape.parse(e.getValue()))), List.of(endpoints));
        }

        boolean shared() {
            return !"GROUP".equals(scope);
        }

        Shape shapeOf(String project) {
            return project == null || shared() ? shape : apart.getOrDefault(project, shape);
        }

        private boolean covers(String method, String path) {
            return endpoints.stream().anyMatch(endpoint -> endpoint.startsWith(method + " ") && Pattern.matches(
                    endpoint.substring(method.length() + 1).replaceAll("\\{[^}]+}", "[^/]+"), path));
        }

        private boolean hasPath(String template) {
            return endpoints.stream().anyMatch(endpoint -> endpoint.endsWith(" " + template));
        }

        /** As {@code RateLimitEndpointSetResponse}, with the values applied to this project ({@code null}: the defaults). */
        private String json(String project) {
            Shape applied = shapeOf(project);
            return "{\"endpointSetId\":\"" + id + "\",\"endpointSetName\":\"" + id + " set\",\"scope\":\"" + scope + "\",\"endpoints\":["
                    + endpoints.stream().map(e -> "{\"method\":\"" + e.substring(0, e.indexOf(' ')) + "\",\"path\":\""
                    + e.substring(e.indexOf(' ') + 1) + "\"}").collect(Collectors.joining(",")) + "],\"capacity\":{\"value\":"
                    + applied.capacity() + "},\"refillRate\":{\"value\":" + applied.refillPerMinute() + "},\"refillDurationSeconds\":{\"value\":60}}";
        }
    }

    /** What a request without a token is told: how long until one, and the bucket. */
    record Refusal(long untilMillis, Shape shape) {
    }

    private static final class Bucket {
        private final Shape shape;
        private double tokens;
        private long updatedNanos = System.nanoTime();

        private Bucket(Shape shape) {
            this.shape = shape;
            this.tokens = shape.capacity();
        }

        /** Takes a token: 0, or the milliseconds until one is there (none taken). */
        private synchronized long take() {
            long now = System.nanoTime();
            tokens = Math.min(shape.capacity(), tokens + (now - updatedNanos) / 60e9 * shape.refillPerMinute());
            updatedNanos = now;
            if (tokens >= 1) {
                tokens--;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * 60_000 / shape.refillPerMinute());
        }
    }

    private final List<EndpointSet> sets;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(List<EndpointSet> sets) {
        this.sets = List.copyOf(sets);
    }

    /** The restore job's GET and DELETE in one set: a bucket per project ({@code shared}: the organisation's). */
    static TokenBuckets restoreJobs(Shape shape, Map<String, Shape> apart, boolean shared) {
        return new TokenBuckets(List.of(new EndpointSet("restoreJobs", shared ? "ORGANIZATION" : "GROUP", shape, apart,
                List.of("GET " + RESTORE_JOB, "DELETE " + RESTORE_JOB))));
    }

    /** Takes a token of the request's bucket: {@code null}, or the refusal when there is none (or no set meters it). */
    Refusal take(String method, String path) {
        EndpointSet set = sets.stream().filter(s -> s.covers(method, path)).findFirst().orElse(null);
        if (set == null) {
            return null;
        }
        String[] parts = path.split("/");
        String project = parts.length > 5 && parts[4].equals("groups") ? parts[5] : null;
        String key = set.shared() ? set.id() : set.id() + " " + project;
        long until = buckets.computeIfAbsent(key, k -> new Bucket(set.shapeOf(project))).take();
        return until == 0 ? null : new Refusal(until, set.shapeOf(project));
    }

    /** The sets of this path as {@code /rateLimits} tells them: in a project only its GROUP sets, else every set's defaults. */
    List<String> told(String project, String endpointPath) {
        return sets.stream().filter(set -> set.hasPath(endpointPath) && (project == null || !set.shared()))
                .map(set -> set.json(project)).toList();
    }
}
