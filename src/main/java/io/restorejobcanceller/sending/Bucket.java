package io.restorejobcanceller.sending;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restorejobcanceller.atlas.AtlasApiException;

/**
 * A token bucket as Atlas describes one: {@code capacity} requests at once (the first burst), refilled by
 * {@code refill} requests per {@code per}.
 */
public record Bucket(int capacity, int refill, Duration per) {

    /** The 429's parameters: path, retryAfter, capacity, refillRate, refillSeconds. */
    private static final int CAPACITY = 2;
    private static final int REFILL = 3;
    private static final int SECONDS = 4;
    private static final Pattern DETAIL = Pattern.compile(
            "(?:capacity: (\\d{1,9})\\.? *)?Refill rate: (\\d{1,9}) per (\\d{1,9}) seconds?", Pattern.CASE_INSENSITIVE);

    public Bucket {
        capacity = Math.max(1, capacity);
    }

    /** A configured rate: evenly spread, no burst; {@code null} when unlimited (0). */
    static Bucket perMinute(int requestsPerMinute) {
        return requestsPerMinute == 0 ? null : new Bucket(1, requestsPerMinute, Duration.ofMinutes(1));
    }

    /** The bucket a 429 {@code RATE_LIMITED_TOKEN_BUCKET} tells: its {@code parameters}, else its detail's text. */
    static Optional<Bucket> toldBy(AtlasApiException e) {
        List<Object> parameters = e.parameters();
        if (parameters != null && parameters.size() > SECONDS) {
            Integer capacity = number(parameters.get(CAPACITY));
            Integer refill = number(parameters.get(REFILL));
            Integer seconds = number(parameters.get(SECONDS));
            if (capacity != null && refill != null && seconds != null && refill > 0 && seconds > 0) {
                return Optional.of(new Bucket(capacity, refill, Duration.ofSeconds(seconds)));
            }
        }
        return inDetail(e.getMessage());
    }

    /** {@code "... Request capacity: 10. Refill rate: 5 per 60 seconds"}; without the capacity, capacity 1. */
    static Optional<Bucket> inDetail(String detail) {
        Matcher matcher = detail == null ? null : DETAIL.matcher(detail);
        if (matcher == null || !matcher.find() || Integer.parseInt(matcher.group(2)) == 0 || Long.parseLong(matcher.group(3)) == 0) {
            return Optional.empty();
        }
        int capacity = matcher.group(1) == null ? 1 : Integer.parseInt(matcher.group(1));
        return Optional.of(new Bucket(capacity, Integer.parseInt(matcher.group(2)), Duration.ofSeconds(Long.parseLong(matcher.group(3)))));
    }

    private static Integer number(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? null : Integer.valueOf(value.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The time between two requests at the refill rate. */
    Duration interval() {
        return per.dividedBy(refill);
    }

    /** This share of the bucket (headroom for other automation): the rate and the burst scaled, at least one of each. */
    Bucket share(double share) {
        if (share >= 1) {
            return this;
        }
        return new Bucket((int) Math.max(1, Math.floor(capacity * share)), (int) Math.max(1, Math.floor(refill * share)), per);
    }

    /** The least time {@code requests} take: the first burst at once, the rest at the refill rate. */
    Duration leastTimeFor(long requests) {
        return interval().multipliedBy(Math.max(0, requests - capacity));
    }

    /** {@code 600 per 60 s}. */
    String rate() {
        return refill + " per " + (per.toMillis() % 1000 == 0 ? per.toSeconds() + " s" : HumanDuration.of(per));
    }
}
