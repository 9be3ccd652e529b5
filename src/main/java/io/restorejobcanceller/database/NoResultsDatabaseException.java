package io.restorejobcanceller.database;

/** The configured database does not exist, holds no results or cannot be created; nothing was created. */
public class NoResultsDatabaseException extends RuntimeException {

    private final transient DatabaseProblem problem;

    public NoResultsDatabaseException(DatabaseProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    DatabaseProblem problem() {
        return problem;
    }
}
