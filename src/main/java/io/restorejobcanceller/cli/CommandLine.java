package io.restorejobcanceller.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.restorejobcanceller.database.DatabaseProblem;
import io.restorejobcanceller.database.NoResultsDatabaseException;
import io.restorejobcanceller.database.RefusedQueryException;
import io.restorejobcanceller.database.ResultsDatabase;
import io.restorejobcanceller.input.InputFileException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Picks the command from the arguments, refuses unknown options (so that a typo never runs a job) and turns
 * usage problems into one line on standard error with exit code 2.
 */
@Component
class CommandLine implements ApplicationRunner, ExitCodeGenerator {

    private static final List<String> PROPERTY_PREFIXES = List.of("canceller.", "spring.", "logging.", "management.");
    private static final List<String> GLOBAL_OPTIONS = List.of("debug", "trace", "verbose", "quiet");

    private final CancelCommand cancel;
    private final ReportCommand report;
    private final QueryCommand query;
    private final ScheduleCommand schedule;
    private final ResultsDatabase database;
    private int exitCode = ExitCode.OK;

    CommandLine(CancelCommand cancel, ReportCommand report, QueryCommand query, ScheduleCommand schedule, ResultsDatabase database) {
        this.cancel = cancel;
        this.report = report;
        this.query = query;
        this.schedule = schedule;
        this.database = database;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            exitCode = dispatch(args);
        } catch (UsageException | InputFileException | NoResultsDatabaseException | RefusedQueryException e) {
            System.err.println("error: " + e.getMessage());
            exitCode = ExitCode.USAGE;
        } catch (ReportNotWrittenException e) {
            System.err.println("error: " + e.getMessage());
            exitCode = ExitCode.JOB_FAILED;
        } catch (Exception e) {
            Optional<DatabaseProblem> problem = DatabaseProblem.of(e, database.url());
            System.err.println("error: " + problem.map(DatabaseProblem::message).orElse(e.toString()));
            exitCode = problem.map(ExitCode::of)
                    .orElse(ExitCode.JOB_FAILED);
        }
    }

    private int dispatch(ApplicationArguments args) throws Exception {
        List<String> words = args.getNonOptionArgs();
        if (words.equals(List.of("report"))) {
            checkOptions(args, ReportCommand.OPTIONS, ReportCommand.USAGE);
            return report.run(args);
        }
        if (!words.isEmpty() && words.get(0).equals("query")) {
            checkOptions(args, QueryCommand.OPTIONS, QueryCommand.USAGE);
            return query.run(args);
        }
        if (!words.isEmpty()) {
            throw new UsageException("unexpected argument '" + words.get(0) + "'; " + CancelCommand.USAGE);
        }
        if (args.containsOption("schedule")) {
            checkOptions(args, ScheduleCommand.OPTIONS, CancelCommand.USAGE);
            return schedule.run(args);
        }
        checkOptions(args, CancelCommand.OPTIONS, CancelCommand.USAGE);
        return cancel.run(args);
    }

    private static void checkOptions(ApplicationArguments args, List<String> commandOptions, String usage) {
        List<String> known = new ArrayList<>(commandOptions);
        known.addAll(GLOBAL_OPTIONS);
        for (String name : args.getOptionNames()) {
            if (!known.contains(name) && PROPERTY_PREFIXES.stream().noneMatch(name::startsWith)) {
                throw new UsageException("unknown option --" + name + " (credentials are read from the environment only); " + usage);
            }
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** The value of an option given at most once, or {@code null} when it is absent. */
    static String option(ApplicationArguments args, String option) {
        List<String> values = args.getOptionValues(option);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1 || values.get(0) == null || values.get(0).isBlank()) {
            throw new UsageException("give --" + option + " once, with a value");
        }
        return values.get(0);
    }
}
