package io.restorejobcanceller.atlas;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What {@code GET .../restoreJobs/{id}} says of a restore job, as much as deciding whether to cancel it needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RestoreJobState(String deliveryType, Boolean cancelled, Boolean expired, String finishedAt) {

    /** Why there is nothing left to cancel, or {@code null} when the job is still under way. */
    public String nothingToCancel() {
        if (Boolean.TRUE.equals(cancelled)) {
            return "already cancelled";
        }
        if (finishedAt != null) {
            return "already finished at " + finishedAt;
        }
        return Boolean.TRUE.equals(expired) ? "already expired" : null;
    }

    /** Only manual-download restore jobs can be cancelled; automated and point-in-time ones cannot. */
    public boolean isCancellable() {
        return deliveryType == null || "download".equals(deliveryType);
    }
}
