package io.restorejobcanceller.cli;

import io.restorejobcanceller.database.DatabaseProblem;

/** The process exit codes; schedulers and scripts rely on them. */
public final class ExitCode {

    /** Every row ended CANCELLED, NOT_FOUND, DUPLICATE, PLANNED or SKIPPED (or the file was already done). */
    public static final int OK = 0;
    /** The job failed (credentials rejected, skip limit passed, crash...): run the same command again to restart. */
    public static final int JOB_FAILED = 1;
    /** Usage or configuration error, or a broken input file: nothing was sent. */
    public static final int USAGE = 2;
    /** The job completed but some rows ended REJECTED, FAILED or INVALID. */
    public static final int NEEDS_ATTENTION = 3;
    /** Another execution of the same job instance is running. */
    public static final int ALREADY_RUNNING = 4;

    private ExitCode() {
    }

    /** The exit code of a database that cannot be used: busy (held by another process) or missing. */
    public static int of(DatabaseProblem problem) {
        return problem.kind() == DatabaseProblem.Kind.IN_USE ? ALREADY_RUNNING : USAGE;
    }

    /** Of two exit codes, the one an operator must see first: 1, then 4, 2, 3 and 0. */
    public static int mostSerious(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        return switch (code) {
            case JOB_FAILED -> 4;
            case ALREADY_RUNNING -> 3;
            case USAGE -> 2;
            case NEEDS_ATTENTION -> 1;
            default -> 0;
        };
    }
}
