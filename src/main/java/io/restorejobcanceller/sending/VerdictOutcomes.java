package io.restorejobcanceller.sending;

import io.restorejobcanceller.atlas.AtlasApiException;
import io.restorejobcanceller.atlas.AtlasVerdict;
import io.restorejobcanceller.atlas.CancellationTarget;
import io.restorejobcanceller.outcome.Outcome;

/**
 * What an error answer makes of the row ({@link AtlasVerdict} to outcome), or of the run: a refusal of the
 * credentials or of this host throws {@link RunRefusedException}.
 */
final class VerdictOutcomes {

    static final String EARLIER_UNANSWERED = "an earlier attempt got no answer and may itself have cancelled the restore job";

    private VerdictOutcomes() {
    }

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
                    + e.getMessage() + ") while cancelling " + target + "; check them (README: Credentials)");
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
