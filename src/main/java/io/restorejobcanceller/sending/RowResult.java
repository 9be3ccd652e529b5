package io.restorejobcanceller.sending;

import io.restorejobcanceller.outcome.Outcome;

/**
 * What became of one row, sent or not: its outcome, what Atlas said if anything was sent, and how many DELETEs went;
 * {@code refusedScope} when Atlas (or the guard) refused the row's whole project or cluster.
 */
public record RowResult(Outcome outcome, Integer httpStatus, String errorCode, String detail, int attempts,
                        RefusedScope refusedScope) {

    public RowResult(Outcome outcome, Integer httpStatus, String errorCode, String detail, int attempts) {
        this(outcome, httpStatus, errorCode, detail, attempts, null);
    }

    public static RowResult notSent(Outcome outcome, String detail) {
        return new RowResult(outcome, null, null, detail, 0);
    }
}
