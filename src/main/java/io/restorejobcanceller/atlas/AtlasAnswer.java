package io.restorejobcanceller.atlas;

/**
 * A 2xx answer of Atlas, with its {@code RateLimit-Remaining} header when present (to slow down before the bucket is
 * empty).
 */
public record AtlasAnswer(int status, Integer rateLimitRemaining) {
}
