package io.restorejobcanceller.outcome;

/** The final, audited result of one input line. */
public enum Outcome {
    /** Atlas accepted the DELETE (2xx). */
    CANCELLED(false),
    /** Atlas answered 404: already gone or never existed. Not retried. */
    NOT_FOUND(false),
    /**
     * Atlas refused the request with a 4xx (wrong kind of restore job, forbidden, bad request...), or the row was not
     * sent: its project is not in {@code canceller.guard.allowed-projects}, or Atlas refused its project or cluster as
     * a whole at an earlier row.
     */
    REJECTED(true),
    /** Transient failures until the retries ran out, or an unexpected answer. */
    FAILED(true),
    /** The row did not pass validation; nothing was sent. */
    INVALID(true),
    /** The same target is on an earlier line of the file, or an earlier run already finished it; nothing was sent. */
    DUPLICATE(false),
    /** Dry run: the row is valid and would have been sent. */
    PLANNED(false),
    /** {@code --check-first}: the restore job was already cancelled, finished or expired; nothing was sent. */
    SKIPPED(false);

    private final boolean needsAttention;

    Outcome(boolean needsAttention) {
        this.needsAttention = needsAttention;
    }

    /** Whether an operator has to look at the row (exit code 3 when any row has such an outcome). */
    public boolean needsAttention() {
        return needsAttention;
    }

    /**
     * Whether the row counts against the skip limit: sent or not (a project the guard does not allow, a project or
     * cluster Atlas refused), though a project or cluster refused as a whole counts once, not once per row.
     */
    public boolean isSkip() {
        return this == REJECTED || this == FAILED;
    }
}
