package io.restorejobcanceller.database;

/** A query that is not a single SELECT, or that the database refused: nothing was changed. */
public class RefusedQueryException extends RuntimeException {

    public RefusedQueryException(String message) {
        super(message);
    }
}
