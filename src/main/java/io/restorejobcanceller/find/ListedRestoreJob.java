package io.restorejobcanceller.find;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A restore job as Atlas's list gives it, as much of it as choosing and describing it needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ListedRestoreJob(String id, String deliveryType, Boolean cancelled, Boolean expired, Boolean failed,
                        String finishedAt, String timestamp, String expiresAt) {

    /** The snapshot's time ({@code timestamp}), or {@code null} when Atlas gave none that reads as one. */
    Instant snapshotTime() {
        try {
            return timestamp == null ? null : Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
