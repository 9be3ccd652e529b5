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
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code cancel FILE|DIR [--dry-run] [--check-first]}, {@code restart ID}, {@code abandon ID}: checks files and configuration
 * before anything is sent, runs one job instance per file (a directory is an inbox processed in name order) and
 * prints a summary of each.
 */
@Component
class CancelCommand {

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
    private final Confirmation confirmation;

    CancelCommand(CancellationLauncher launcher, JobRepository jobRepository, AtlasCredentials credentials,
                  AtlasProperties atlas, InputProperties inbox, StepProperties step, RateProperties rate, RunSummary summary,
                  Inbox inboxFiles, Confirmation confirmation) {
        this.launcher = launcher;
        this.jobRepository = jobRepository;
        this.credentials = credentials;
        this.atlas = atlas;
        this.inbox = inbox;
        this.step = step;
        this.rate = rate;
        this.summary = summary;
        this.inboxFiles = inboxFiles;
        this.confirmation = confirmation;
    }

    int run(CancelOptions options) throws Exception {
        return runInput(options.target(), options.dryRun, options.checkFirst, options.confirmation.yes);
    }

    int abandon(long id) throws Exception {
        return summary.report(launcher.abandon(execution(id)), "execution " + id);
    }

    /** One file, or every matching file of a directory not yet done; the most serious exit code wins. */
    int runInput(Path input, boolean dryRun, boolean checkFirstOption, boolean confirmed) throws Exception {
        boolean checkFirst = checkFirstOption || step.checkFirst();
        if (!Files.isDirectory(input)) {
            return runFile(InputFile.inspect(input), dryRun, checkFirst, confirmed);
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
                fileExit = runFile(InputFile.inspect(file), dryRun, checkFirst, confirmed);
            } catch (InputFileException e) {
                System.err.println("error: " + e.getMessage());
                fileExit = ExitCode.USAGE;
            }
            exitCode = ExitCode.mostSerious(exitCode, fileExit);
        }
        return exitCode;
    }

    private int runFile(InputFile file, boolean dryRun, boolean checkFirst, boolean confirmed) throws Exception {
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
        if (!dryRun) {
            log.info("{}", plan(file));
            if (!confirmed && !confirmation.confirmed("Cancel " + file.dataRows() + " restore jobs in "
                    + file.spread().describe() + "?")) {
                throw new UsageException("nothing sent: the confirmation was declined (give --yes to skip it)");
            }
        }
        System.out.printf("%s %s: %d data rows (sha256 %s)%n", dryRun ? "Dry run of" : "Cancelling restore jobs from",
                file.path(), file.dataRows(), file.sha256());
        Launch launch = launcher.launch(parameters);
        int exitCode = summary.report(launch, file.path().toString());
        if (!dryRun && launch instanceof Launch.Ran ran && ran.execution().getStatus() == BatchStatus.COMPLETED) {
            archive(file.path(), ran.execution().getId());
        }
        return exitCode;
    }

    /** What a real run of this file does, and the least time the configured rate implies. */
    private String plan(InputFile file) {
        String least = rate.leastTimeFor(file.dataRows()).map(time -> "; at canceller.rate.requests-per-minute="
                + rate.requestsPerMinute() + " this takes at least " + HumanDuration.of(time)).orElse("");
        return "Plan: " + file.dataRows() + " rows of " + file.path().getFileName() + " naming " + file.spread().describe()
                + least;
    }

    int restart(long id, boolean confirmed) throws Exception {
        JobExecution execution = execution(id);
        var parameters = execution.getJobParameters();
        Path path = Path.of(parameters.getString(CancellationJobConfiguration.INPUT_FILE));
        InputFile file = InputFile.inspect(path);
        if (!file.sha256().equals(parameters.getString(CancellationJobConfiguration.INPUT_SHA256))) {
            throw new UsageException(path + " has changed since execution " + execution.getId()
                    + " read it; restarting would misread its lines (run the new content as a new file instead)");
        }
        if (!Boolean.TRUE.equals(parameters.getParameter(CancellationJobConfiguration.DRY_RUN).value())) {
            checkAtlasConfiguration();
            if (!confirmed && !confirmation.confirmed("Restart job execution " + id + " and cancel the restore jobs of "
                    + path.getFileName() + " not yet recorded?")) {
                throw new UsageException("nothing sent: the confirmation was declined (give --yes to skip it)");
            }
        }
        try {
            return summary.report(launcher.restart(execution), "execution " + execution.getId());
        } catch (IllegalArgumentException notTheLast) {
            throw new UsageException(notTheLast.getMessage());
        }
    }

    private JobExecution execution(long id) {
        try {
            JobExecution execution = jobRepository.getJobExecution(id);
            if (execution == null) {
                throw new UsageException("there is no job execution " + id);
            }
            return execution;
        } catch (EmptyResultDataAccessException e) {
            throw new UsageException("there is no job execution " + id);
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
