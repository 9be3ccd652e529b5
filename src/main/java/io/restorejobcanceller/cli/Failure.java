package io.restorejobcanceller.cli;

import java.util.Optional;

import io.restorejobcanceller.database.DatabaseProblem;
import io.restorejobcanceller.input.InputFileException;
import io.restorejobcanceller.settings.SettingProblems;

import picocli.CommandLine.IExitCodeGenerator;

import org.springframework.beans.BeansException;
import org.springframework.boot.context.properties.bind.BindException;

/**
 * A failure as the operator sees it: one line for standard error and the exit code. The one place that decides which
 * exception means which exit code, before the context starts and after.
 */
public record Failure(String message, int exitCode) {

    /** A command that failed: what it refused (usage, 2), a database it could not use (2 or 4), anything else (1). */
    static Failure of(Throwable failure, String databaseUrl) {
        if (failure instanceof UsageException || failure instanceof InputFileException) {
            return new Failure(failure.getMessage(), ExitCode.USAGE);
        }
        Optional<DatabaseProblem> database = DatabaseProblem.of(failure, databaseUrl);
        if (database.isPresent()) {
            return new Failure(database.get().message(), ExitCode.of(database.get()));
        }
        if (failure instanceof IExitCodeGenerator coded) {
            return new Failure(failure.getMessage(), coded.getExitCode());
        }
        return new Failure(failure.toString(), ExitCode.JOB_FAILED);
    }

    /** A context that could not start: the database, or else the configuration (usage, 2). */
    public static Failure atStartUp(Throwable failure, String databaseUrl) {
        Optional<DatabaseProblem> database = DatabaseProblem.of(failure, databaseUrl);
        if (database.isPresent()) {
            return new Failure(database.get().message(), ExitCode.of(database.get()));
        }
        return new Failure(SettingProblems.of(failure).orElseGet(() -> "the configuration is not usable: " + startupProblem(failure)),
                ExitCode.USAGE);
    }

    /** Says it on standard error and gives the exit code. */
    public int report() {
        System.err.println("error: " + message);
        return exitCode;
    }

    /** The most telling message of a start-up failure: the property that did not bind, or the first cause below the bean wiring. */
    private static String startupProblem(Throwable failure) {
        Throwable telling = null;
        Throwable root = failure;
        String property = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException bind) {
                property = bind.getName().toString();
            } else if (telling == null && !(t instanceof BeansException)) {
                telling = t;
            }
            root = t;
        }
        Throwable shown = property != null || telling == null ? root : telling;
        String message = shown.getMessage() != null ? shown.getMessage().strip().lines().findFirst().orElse("") : "";
        message = message.isEmpty() ? shown.getClass().getSimpleName() : message;
        return property != null ? property + ": " + message : message;
    }
}
