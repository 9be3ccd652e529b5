package io.restorejobcanceller.job;

import io.restorejobcanceller.input.CheckedRow;
import io.restorejobcanceller.sending.RowResult;

/**
 * An outcome the database did not take. It carries the database's reason in its message, not as a cause, so that the
 * run's summary shows this sentence (which names the row) rather than the driver's. Nothing is logged before it is
 * thrown: every moment before the dispatcher sees it is a moment in which more DELETEs could be sent.
 */
public class OutcomeNotRecordedException extends RuntimeException {

    private OutcomeNotRecordedException(String message) {
        super(message);
    }

    static OutcomeNotRecordedException of(CheckedRow row, RowResult result, RuntimeException failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip().lines().findFirst().orElse("");
        boolean sent = result.attempts() > 0;
        return new OutcomeNotRecordedException("could not record the outcome of line " + row.lineNumber() + " (" + result.outcome()
                + (sent ? ", after its request was answered" : "") + "): " + reason + "; the run stopped"
                + (sent ? " (this row's DELETE will be sent again when the run is restarted)" : ""));
    }
}
