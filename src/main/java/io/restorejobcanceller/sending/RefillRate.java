package io.restorejobcanceller.sending;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restorejobcanceller.atlas.AtlasApiException;

/** The refill rate a 429's detail tells ({@code "... Request capacity: 10. Refill rate: 5 per 60 seconds"}). */
record RefillRate(int requests, Duration per) {

    private static final Pattern TOLD = Pattern.compile("Refill rate: (\\d{1,9}) per (\\d{1,9}) seconds?", Pattern.CASE_INSENSITIVE);

    static Optional<RefillRate> in(AtlasApiException e) {
        return in(e.getMessage());
    }

    static Optional<RefillRate> in(String detail) {
        Matcher matcher = detail == null ? null : TOLD.matcher(detail);
        if (matcher == null || !matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new RefillRate(Integer.parseInt(matcher.group(1)), Duration.ofSeconds(Long.parseLong(matcher.group(2)))));
    }
}
