package io.restorejobcanceller.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import io.restorejobcanceller.atlas.AtlasCredentials;
import io.restorejobcanceller.atlas.AtlasProperties;
import io.restorejobcanceller.input.InputFile;
import io.restorejobcanceller.input.InputFileException;
import io.restorejobcanceller.job.CancellationJobConfiguration;
import io.restorejobcanceller.job.StepProperties;
import io.restorejobcanceller.outcome.OutcomeRepository;
import io.restorejobcanceller.run.CancellationLauncher.Launch;
import io.restorejobcanceller.run.CancellationLauncher;
import io.restorejobcanceller.sending.HumanDuration;
import io.restorejobcanceller.sending.RateProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code --input=FILE|DIR [--dry-run] [--check-first]}, {@code --restart=ID}, {@code --abandon=ID}: checks files and configuration
 * before anything is sent, runs one job instance per file (a directory is an inbox processed in name order) and
 * prints a summary of each.
 */
@Component
class CancelCommand {

    static final String USAGE = "usage: java -jar restore-job-canceller.jar --input=FILE|DIR [--dry-run] [--check-first] | --restart=ID"
            + " | --abandon=ID | --schedule | report [...]";
    static final List<String> OPTIONS = List.of("input", "dry-run", "check-first", "restart", "abandon");

    private static final Logger log = LoggerFactory.getLogger(CancelCommand.class);

    private final CancellationLauncher launcher;
    private final JobRepository jobRepository;
    private final AtlasCredentials credentials;
    private final AtlasProperties atlas;
    private final InputProperties inbox;
    private final StepProperties step;
    private final RateProperties rate;
    private final RunSummary summary;
    private final Inbox inboxFiles;

    CancelCommand(CancellationLauncher launcher, JobRepository jobRepository, AtlasCredentials credentials,
                  AtlasProperties atlas, InputProperties inbox, StepProperties step, RateProperties rate, RunSummary summary,
                  Inbox inboxFiles) {
        this.launcher = launcher;
        this.jobRepository = jobRepository;
        this.credentials = credentials;
        this.atlas = atlas;
        this.inbox = inbox;
        this.step = step;
        this.rate = rate;
        this.summary = summary;
        this.inboxFiles = inboxFiles;
    }

    int run(ApplicationArguments args) throws Exception {
        String restart = CommandLine.option(args, "restart");
        String abandon = CommandLine.option(args, "abandon");
        String input = CommandLine.option(args, "input");
        if ((restart != null ? 1 : 0) + (abandon != null ? 1 : 0) + (input != null ? 1 : 0) != 1) {
            throw new UsageException("give one of --input=FILE|DIR, --restart=ID or --abandon=ID; " + USAGE);
        }
        if (restart != null) {
            return restart(execution(restart));
        }
        if (abandon != null) {
            return summary.report(launcher.abandon(execution(abandon)), "execution " + abandon);
        }
        return runInput(Path.of(input), args.containsOption("dry-run"), args.containsOption("check-first"));
    }

    /** One file, or every matching file of a directory not yet done; the most serious exit code wins. */
    int runInput(Path input, boolean dryRun, boolean checkFirstOption) throws Exception {
        boolean checkFirst = checkFirstOption || step.checkFirst();
        if (!Files.isDirectory(input)) {
            return runFile(InputFile.inspect(input), dryRun, checkFirst);
        }
        List<Path> files = inboxFiles.readyFiles(input);
        if (files.isEmpty()) {
            System.out.println("Inbox " + input.toAbsolutePath() + " holds no file matching " + inbox.pattern() + "; nothing to do.");
            return ExitCode.OK;
        }
        int exitCode = ExitCode.OK;
        for (Path file : files) {
            int fileExit;
            try {
                fileExit = runFile(InputFile.inspect(file), dryRun, checkFirst);
            } catch (InputFileException e) {
                System.err.println("error: " + e.getMessage());
                fileExit = ExitCode.USAGE;
            }
            exitCode = ExitCode.mostSerious(exitCode, fileExit);
        }
        return exitCode;
    }

    private int runFile(InputFile file, boolean dryRun, boolean checkFirst) throws Exception {
        if (file.path().toString().length() > OutcomeRepository.INPUT_FILE_MAX_LENGTH) {
            throw new InputFileException(file.path(), "has a path longer than " + OutcomeRepository.INPUT_FILE_MAX_LENGTH
                    + " characters, more than the results table keeps; move it to a shorter path");
        }
        if (!dryRun || checkFirst) {
            checkAtlasConfiguration();
        }
        JobParameters parameters = new JobParametersBuilder()
                .addString(CancellationJobConfiguration.INPUT_FILE, file.path().toString())
                .addString(CancellationJobConfiguration.INPUT_SHA256, file.sha256())
                .addJobParameter(CancellationJobConfiguration.DRY_RUN, dryRun, Boolean.class, true)
                .addJobParameter(CancellationJobConfiguration.CHECK_FIRST, checkFirst, Boolean.class, false)
                .addLong(CancellationJobConfiguration.INPUT_ROWS, file.dataRows(), false)
                .toJobParameters();
        System.out.printf("%s %s: %d data rows (sha256 %s)%n", dryRun ? "Dry run of" : "Cancelling restore jobs from",
                file.path(), file.dataRows(), file.sha256());
        if (!dryRun) {
            rate.leastTimeFor(file.dataRows()).ifPresent(least -> log.info("At canceller.rate.requests-per-minute={}, {} rows"
                    + " take at least {}", rate.requestsPerMinute(), file.dataRows(), HumanDuration.of(least)));
        }
        Launch launch = launcher.launch(parameters);
        int exitCode = summary.report(launch, file.path().toString());
        if (!dryRun && launch instanceof Launch.Ran ran && ran.execution().getStatus() == BatchStatus.COMPLETED) {
            archive(file.path(), ran.execution().getId());
        }
        return exitCode;
    }

    private int restart(JobExecution execution) throws Exception {
        var parameters = execution.getJobParameters();
        Path path = Path.of(parameters.getString(CancellationJobConfiguration.INPUT_FILE));
        InputFile file = InputFile.inspect(path);
        if (!file.sha256().equals(parameters.getString(CancellationJobConfiguration.INPUT_SHA256))) {
            throw new UsageException(path + " has changed since execution " + execution.getId()
                    + " read it; restarting would misread its lines (run the new content as a new file instead)");
        }
        if (!Boolean.TRUE.equals(parameters.getParameter(CancellationJobConfiguration.DRY_RUN).value())) {
            checkAtlasConfiguration();
        }
        try {
            return summary.report(launcher.restart(execution), "execution " + execution.getId());
        } catch (IllegalArgumentException notTheLast) {
            throw new UsageException(notTheLast.getMessage());
        }
    }

    private JobExecution execution(String id) {
        try {
            JobExecution execution = jobRepository.getJobExecution(Long.parseLong(id));
            if (execution == null) {
                throw new UsageException("there is no job execution " + id);
            }
            return execution;
        } catch (EmptyResultDataAccessException e) {
            throw new UsageException("there is no job execution " + id);
        } catch (NumberFormatException e) {
            throw new UsageException("a job execution id is a number, not '" + id + "'");
        }
    }

    /** Moves a completed file to the archive; an earlier file of the same name stays there (this one gets the execution id). */
    private void archive(Path file, long executionId) throws IOException {
        if (inbox.archiveDir() == null) {
            return;
        }
        Files.createDirectories(inbox.archiveDir());
        Path target = inbox.archiveDir().resolve(file.getFileName());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            target = inbox.archiveDir().resolve(dot > 0 ? name.substring(0, dot) + "." + executionId + name.substring(dot)
                    : name + "." + executionId);
        }
        Files.move(file, target);
        System.out.println("Archived " + file + " to " + target.toAbsolutePath());
    }

    private void checkAtlasConfiguration() {
        credentials.problem().ifPresent(problem -> {
            throw new UsageException(problem);
        });
        String urlProblem = atlas.secretUrlProblem();
        if (urlProblem != null) {
            throw new UsageException(urlProblem);
        }
    }
}
