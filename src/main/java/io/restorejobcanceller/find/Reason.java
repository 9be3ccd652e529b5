package io.restorejobcanceller.find;

import java.time.Instant;
import java.util.Locale;

/** Why a restore job is listed or left out; only a download still under way can be cancelled. */
enum Reason {
    LISTED("cancellable listed"),
    AUTOMATED("automated"),
    POINT_IN_TIME("point-in-time"),
    OTHER_DELIVERY("of another delivery type"),
    CANCELLED("cancelled"),
    EXPIRED("expired"),
    FAILED("failed"),
    FINISHED("finished"),
    SNAPSHOT_FILTERED("outside the snapshot filters");

    private final String said;

    Reason(String said) {
        this.said = said;
    }

    /** How the summary counts it: {@code 90 finished}. */
    String said() {
        return said;
    }

    /** As JSON and the table show it: {@code point-in-time}. */
    String typed() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The reason for this job: its delivery type first (an automated or point-in-time restore job can never be
     * cancelled, whatever its state), then its state, then the snapshot filters ({@code null}: no filter).
     */
    static Reason of(ListedRestoreJob job, Instant snapshotBefore, Instant snapshotAfter) {
        if (!"download".equals(job.deliveryType())) {
            return "automated".equals(job.deliveryType()) ? AUTOMATED
                    : "pointInTime".equals(job.deliveryType()) ? POINT_IN_TIME : OTHER_DELIVERY;
        }
        if (Boolean.TRUE.equals(job.cancelled())) {
            return CANCELLED;
        }
        if (Boolean.TRUE.equals(job.expired())) {
            return EXPIRED;
        }
        if (Boolean.TRUE.equals(job.failed())) {
            return FAILED;
        }
        if (job.finishedAt() != null) {
            return FINISHED;
        }
        Instant snapshot = job.snapshotTime();
        if ((snapshotBefore != null || snapshotAfter != null) && (snapshot == null
                || snapshotBefore != null && !snapshot.isBefore(snapshotBefore)
                || snapshotAfter != null && snapshot.isBefore(snapshotAfter))) {
            return SNAPSHOT_FILTERED;
        }
        return LISTED;
    }
}
