package io.restorejobcanceller.job;

import io.restorejobcanceller.sending.RowResult;

/** A row ended REJECTED or FAILED: the skippable event counted by the step's {@code SkipPolicy}. */
class RowNotCancelledException extends RuntimeException {

    RowNotCancelledException(long lineNumber, RowResult result) {
        super("line " + lineNumber + " ended " + result.outcome() + ": " + result.detail());
    }
}
