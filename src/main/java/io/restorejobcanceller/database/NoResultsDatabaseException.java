package io.restorejobcanceller.database;

/** The configured database does not exist or holds no results; nothing was created. */
public class NoResultsDatabaseException extends RuntimeException {

    public NoResultsDatabaseException(DatabaseProblem problem) {
        super(problem.message());
    }
}
