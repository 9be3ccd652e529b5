package io.restorejobcanceller.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import io.restorejobcanceller.database.DatabaseProblem;
import io.restorejobcanceller.database.NoResultsDatabaseException;
import io.restorejobcanceller.database.RefusedQueryException;
import io.restorejobcanceller.database.ResultsDatabase;
import io.restorejobcanceller.input.InputFileException;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Runs the command the {@link Invocation} names, once the context has started, and turns expected failures into one
 * line on standard error with their exit code.
 */
@Component
class Commands implements ApplicationRunner, ExitCodeGenerator {

    private final Invocation invocation;
    private final CancelCommand cancel;
    private final ReportCommand report;
    private final QueryCommand query;
    private final ScheduleCommand schedule;
    private final ResultsDatabase database;
    private final AutowireCapableBeanFactory beans;
    private int exitCode = ExitCode.OK;

    Commands(Invocation invocation, CancelCommand cancel, ReportCommand report, QueryCommand query, ScheduleCommand schedule,
             ResultsDatabase database, AutowireCapableBeanFactory beans) {
        this.beans = beans;
        this.invocation = invocation;
        this.cancel = cancel;
        this.report = report;
        this.query = query;
        this.schedule = schedule;
        this.database = database;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            exitCode = dispatch(invocation.options());
        } catch (UsageException | InputFileException | NoResultsDatabaseException | RefusedQueryException e) {
            System.err.println("error: " + e.getMessage());
            exitCode = ExitCode.USAGE;
        } catch (ReportNotWrittenException e) {
            System.err.println("error: " + e.getMessage());
            exitCode = ExitCode.JOB_FAILED;
        } catch (Exception e) {
            Optional<DatabaseProblem> problem = DatabaseProblem.of(e, database.url());
            System.err.println("error: " + problem.map(DatabaseProblem::message).orElse(e.toString()));
            exitCode = problem.map(ExitCode::of).orElse(ExitCode.JOB_FAILED);
        }
    }

    private int dispatch(Object options) throws Exception {
        if (options instanceof CancelOptions run) {
            return cancel.run(run);
        }
        if (options instanceof ExecutionOptions.Restart restart) {
            return cancel.restart(restart.execution.id, restart.confirmation.yes);
        }
        if (options instanceof ExecutionOptions.Abandon abandon) {
            return cancel.abandon(abandon.execution.id);
        }
        if (options instanceof ScheduleOptions scheduled) {
            return schedule.run(scheduled.inbox());
        }
        if (options instanceof ReportOptions reportOptions) {
            return report.run(reportOptions);
        }
        if (options instanceof QueryOptions queryOptions) {
            return query.run(queryOptions);
        }
        if (options instanceof Callable<?> command) {
            beans.autowireBean(command);
            return (Integer) command.call();
        }
        throw new IllegalStateException("no command runs " + options);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
