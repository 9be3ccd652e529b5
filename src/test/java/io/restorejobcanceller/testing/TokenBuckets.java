package io.restorejobcanceller.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Atlas's rate limit as the benchmark's stub plays it: a token bucket per project (capacity, refill per minute), with
 * one project's bucket possibly set apart; or one bucket shared by every project (the organisation's). A request without a token gets how long until the next one.
 */
final class TokenBuckets {

    /** A bucket's shape: how many tokens it holds, and how many it gets back per minute. */
    record Shape(int capacity, int refillPerMinute) {

        /** {@code CAPACITY:REFILL_PER_MINUTE}, e.g. {@code 10:600}. */
        static Shape parse(String text) {
            String[] parts = text.split(":");
            return new Shape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        }
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

    private final Shape shape;
    private final Map<String, Shape> apart;
    private final boolean shared;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code shared}: one bucket for every project (Atlas's ORGANIZATION scope), of {@code shape}. */
    TokenBuckets(Shape shape, Map<String, Shape> apart, boolean shared) {
        this.shape = shape;
        this.apart = apart;
        this.shared = shared;
    }

    boolean shared() {
        return shared;
    }

    Shape shapeOf(String project) {
        return shared ? shape : apart.getOrDefault(project, shape);
    }

    long take(String project) {
        return buckets.computeIfAbsent(shared ? "" : project, p -> new Bucket(shapeOf(p))).take();
    }
}
