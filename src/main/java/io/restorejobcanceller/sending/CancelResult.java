package io.restorejobcanceller.sending;

import io.restorejobcanceller.outcome.Outcome;

/** What became of one row: its outcome and what Atlas said, if anything was sent. */
public record CancelResult(Outcome outcome, Integer httpStatus, String errorCode, String detail, int attempts) {

    public static CancelResult notSent(Outcome outcome, String detail) {
        return new CancelResult(outcome, null, null, detail, 0);
    }
}
