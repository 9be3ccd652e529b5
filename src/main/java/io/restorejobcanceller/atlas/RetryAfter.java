package io.restorejobcanceller.atlas;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The {@code Retry-After} header: delta-seconds (what Atlas sends) or an HTTP date (RFC 9110). */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait the value asks for (zero for a date already past), or {@code null} if it is unreadable. */
    public static Duration parse(String value, Clock clock) {
        String trimmed = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
