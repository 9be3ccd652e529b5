package io.restorejobcanceller.sending;

import io.restorejobcanceller.atlas.Endpoint;
import io.restorejobcanceller.atlas.RestoreJobState;
import io.restorejobcanceller.outcome.Outcome;

/**
 * Which requests a row gets: the DELETE; or first a GET of the restore job ({@code --check-first}), which may decide
 * the row without the DELETE; or, in a dry run with {@code --check-first}, only that GET.
 */
public enum RequestPlan {
    DELETE, CHECK_THEN_DELETE, CHECK_ONLY;

    /** The ERROR_CODE of a row refused after {@code --check-first} found an automated or point-in-time restore job. */
    public static final String NOT_A_DOWNLOAD_RESTORE_JOB = "NOT_A_DOWNLOAD_RESTORE_JOB";

    public static RequestPlan of(boolean checkFirst, boolean dryRun) {
        return !checkFirst ? DELETE : dryRun ? CHECK_ONLY : CHECK_THEN_DELETE;
    }

    boolean checksFirst() {
        return this != DELETE;
    }

    /** The endpoint of the row's first request, whose budget the dispatcher takes from when it starts the row. */
    public Endpoint first() {
        return checksFirst() ? Endpoint.CHECK : Endpoint.CANCEL;
    }

    /** What the restore job's state decides without a DELETE, or {@code null} when the DELETE is to be sent. */
    RowResult decide(RestoreJobState state) {
        String nothingToCancel = state.nothingToCancel();
        if (nothingToCancel != null) {
            return RowResult.notSent(Outcome.SKIPPED, "checked first: " + nothingToCancel);
        }
        if (!state.isCancellable()) {
            return new RowResult(Outcome.REJECTED, null, NOT_A_DOWNLOAD_RESTORE_JOB, "checked first: a " + state.deliveryType()
                    + " restore job; only manual-download restore jobs can be cancelled", 0);
        }
        return this == CHECK_ONLY ? RowResult.notSent(Outcome.PLANNED, "dry run, checked first: would send DELETE") : null;
    }
}
