package io.restorejobcanceller.query;

import io.restorejobcanceller.cli.UsageException;

/** A query that is not a single SELECT, or that the database refused: nothing was changed. */
class RefusedQueryException extends UsageException {

    RefusedQueryException(String message) {
        super(message);
    }
}
