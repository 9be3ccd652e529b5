package io.restorejobcanceller.sending;

import io.restorejobcanceller.outcome.Outcome;

/**
 * What became of one row: its outcome and what Atlas said, if anything was sent; {@code refusedScope} when Atlas
 * refused the row's whole project or cluster.
 */
public record CancelResult(Outcome outcome, Integer httpStatus, String errorCode, String detail, int attempts,
                           RefusedScope refusedScope) {

    public CancelResult(Outcome outcome, Integer httpStatus, String errorCode, String detail, int attempts) {
        this(outcome, httpStatus, errorCode, detail, attempts, null);
    }

    public static CancelResult notSent(Outcome outcome, String detail) {
        return new CancelResult(outcome, null, null, detail, 0);
    }
}
