package io.restorejobcanceller.sending;

import io.restorejobcanceller.atlas.AtlasApiException;
import io.restorejobcanceller.atlas.AtlasVerdict;
import io.restorejobcanceller.atlas.CancellationTarget;
import io.restorejobcanceller.atlas.RunRefusedException;
import io.restorejobcanceller.outcome.Outcome;

/**
 * What became of one row, sent or not: its outcome, what Atlas said if anything was sent, and how many DELETEs went;
 * {@code refusedScope} when Atlas (or the guard) refused the row's whole project or cluster. What an error answer makes
 * of the row is {@link #of}: Atlas's {@link AtlasVerdict} to an outcome, or, for the run, a {@link RunRefusedException}.
 */
public record RowResult(Outcome outcome, Integer httpStatus, String errorCode, String detail, int attempts,
                        RefusedScope refusedScope) {

    public RowResult(Outcome outcome, Integer httpStatus, String errorCode, String detail, int attempts) {
        this(outcome, httpStatus, errorCode, detail, attempts, null);
    }

    public static RowResult notSent(Outcome outcome, String detail) {
        return new RowResult(outcome, null, null, detail, 0);
    }

    static final String EARLIER_UNANSWERED = "an earlier attempt got no answer and may itself have cancelled the restore job";

    /**
     * The row's result for this answer, or {@code null} when it is worth sending again.
     *
     * @param deletes DELETEs sent for the row so far
     * @param unansweredBefore whether an earlier DELETE of the row got no answer
     * @param destination where the requests went and as whom, for the line that says the credentials were refused
     */
    static RowResult of(AtlasApiException e, CancellationTarget target, int deletes, boolean unansweredBefore, String destination) {
        return switch (e.verdict()) {
            case CREDENTIALS_REFUSED -> throw new RunRefusedException(destination + " refused the credentials ("
                    + e.getMessage() + ") while cancelling " + target + "; check them (docs/credentials.md)");
            case HOST_NOT_ALLOWED -> throw new RunRefusedException("Atlas refuses requests from this host (" + e.getMessage()
                    + "); add this host's public IP address to the organisation's API access list, or run from a host on it");
            case GONE -> answered(Outcome.NOT_FOUND, e, deletes, unansweredBefore, null);
            case PROJECT_REFUSED -> answered(Outcome.REJECTED, e, deletes, unansweredBefore, RefusedScope.project(target));
            case CLUSTER_REFUSED -> answered(Outcome.REJECTED, e, deletes, unansweredBefore, RefusedScope.cluster(target));
            case REJECTED -> answered(Outcome.REJECTED, e, deletes, unansweredBefore, null);
            case UNEXPECTED -> answered(Outcome.FAILED, e, deletes, unansweredBefore, null);
            case TRANSIENT -> null;
        };
    }

    private static RowResult answered(Outcome outcome, AtlasApiException e, int attempts, boolean unansweredBefore,
                                      RefusedScope refusedScope) {
        String detail = e.getMessage();
        if (unansweredBefore && outcome == Outcome.NOT_FOUND) {
            detail = detail + " (" + EARLIER_UNANSWERED + ")";
        }
        return new RowResult(outcome, e.status(), e.errorCode(), detail, attempts, refusedScope);
    }

    /** The row's result after the last attempt was transient too. */
    static RowResult gaveUp(RuntimeException failure, int attempts, int deletes) {
        String detail = "gave up after " + attempts + " attempts; last: " + failure.getMessage();
        if (failure instanceof AtlasApiException e) {
            return new RowResult(Outcome.FAILED, e.status(), e.errorCode(), detail, deletes);
        }
        return new RowResult(Outcome.FAILED, null, null, detail, deletes);
    }
}
