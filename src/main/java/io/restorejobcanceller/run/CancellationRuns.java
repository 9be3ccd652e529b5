package io.restorejobcanceller.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import io.restorejobcanceller.cli.ExitCode;
import io.restorejobcanceller.cli.UsageException;
import io.restorejobcanceller.input.InputFile;
import io.restorejobcanceller.input.InputFileException;
import io.restorejobcanceller.input.InputFiles;
import io.restorejobcanceller.job.CancellationJobConfiguration;
import io.restorejobcanceller.job.KnownTargets;
import io.restorejobcanceller.job.StepProperties;
import io.restorejobcanceller.outcome.OutcomeRepository;
import io.restorejobcanceller.run.CancellationLauncher.Launch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code cancel FILE|DIR [--dry-run] [--check-first]}, {@code restart ID}, {@code abandon ID}: checks files and configuration
 * before anything is sent, runs one job instance per file (a directory is an inbox processed in name order) and
 * prints a summary of each.
 */
@Component
public class CancellationRuns {

    private static final Logger log = LoggerFactory.getLogger(CancellationRuns.class);

    private final CancellationLauncher launcher;
    private final InputProperties inbox;
    private final StepProperties step;
    private final RunSummary summary;
    private final Inbox inboxFiles;
    private final RunPlan plan;
    private final InputFiles inputFiles;

    CancellationRuns(CancellationLauncher launcher, InputProperties inbox, StepProperties step, RunSummary summary,
                     Inbox inboxFiles, RunPlan plan, InputFiles inputFiles) {
        this.launcher = launcher;
        this.inbox = inbox;
        this.step = step;
        this.summary = summary;
        this.inboxFiles = inboxFiles;
        this.plan = plan;
        this.inputFiles = inputFiles;
    }

    int cancel(CancelCommand options) throws Exception {
        return runInput(options.target(), new Choices(options.dryRun, options.checkFirst, options.confirmation.yes,
                options.resendKnown, false));
    }

    int abandon(long id) throws Exception {
        JobExecution execution = launcher.execution(id);
        if (execution.getStatus() == BatchStatus.COMPLETED || execution.getStatus() == BatchStatus.ABANDONED) {
            throw new UsageException("job execution " + id + " is " + execution.getStatus()
                    + "; only a failed or stopped execution can be abandoned");
        }
        return summary.report(launcher.abandon(execution), "execution " + id);
    }

    /**
     * What the operator chose for a run: {@code confirmed} means no question is asked; {@code scheduled}: run by
     * {@code schedule}, which says nothing of a file already done (it meets it again at every turn).
     */
    public record Choices(boolean dryRun, boolean checkFirst, boolean confirmed, boolean resendKnown, boolean scheduled) {
        public static Choices bySchedule() {
            return new Choices(false, false, true, false, true);
        }
    }

    /** One file, or every matching file of a directory not yet done; the most serious exit code wins. */
    public int runInput(Path input, Choices asked) throws Exception {
        Choices choices = new Choices(asked.dryRun(), asked.checkFirst() || step.checkFirst(), asked.confirmed(),
                asked.resendKnown(), asked.scheduled());
        if (!Files.isDirectory(input)) {
            return runFile(inputFiles.inspect(input), choices, false);
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
                fileExit = runFile(inputFiles.inspect(file), choices, true);
            } catch (InputFileException e) {
                if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
                    Inbox.warnRemoved(file);
                    continue;
                }
                System.err.println("error: " + e.getMessage());
                fileExit = ExitCode.USAGE;
            }
            exitCode = ExitCode.mostSerious(exitCode, fileExit);
        }
        return exitCode;
    }

    /** In an inbox, a file another process is running is that worker's: left to it, not a failure of this run. */
    private int runFile(InputFile file, Choices choices, boolean inbox) throws Exception {
        boolean dryRun = choices.dryRun();
        if (file.path().toString().length() > OutcomeRepository.INPUT_FILE_MAX_LENGTH) {
            throw new InputFileException(file.path(), "has a path longer than " + OutcomeRepository.INPUT_FILE_MAX_LENGTH
                    + " characters, more than the results table keeps; move it to a shorter path");
        }
        if (!dryRun || choices.checkFirst()) {
            plan.checkAtlasConfiguration();
        }
        JobParameters parameters = new JobParametersBuilder()
                .addString(CancellationJobConfiguration.INPUT_FILE, file.path().toString())
                .addString(CancellationJobConfiguration.INPUT_SHA256, file.sha256())
                .addJobParameter(CancellationJobConfiguration.DRY_RUN, dryRun, Boolean.class, true)
                .addJobParameter(CancellationJobConfiguration.CHECK_FIRST, choices.checkFirst(), Boolean.class, false)
                .addJobParameter(KnownTargets.RESEND_KNOWN, choices.resendKnown(), Boolean.class, false)
                .addLong(CancellationJobConfiguration.INPUT_ROWS, file.dataRows(), false)
                .toJobParameters();
        CancellationLauncher.Next next = launcher.next(parameters);
        if (next.done().isPresent()) {
            return choices.scheduled() ? ExitCode.OK : summary.report(new Launch.AlreadyDone(next.done().get()), file.path().toString());
        }
        if (next.retry().isPresent()) {
            plan.approveRetry(file, next.retry().get(), choices.confirmed());
        } else if (next.resume().isPresent()) {
            plan.approveRestart(next.resume().get(), file, choices.confirmed());
        } else {
            plan.approve(file, choices.dryRun(), choices.confirmed());
        }
        System.out.printf("%s %s: %d data %s (sha256 %s)%n", dryRun ? "Dry run of" : "Cancelling restore jobs from",
                file.path(), file.dataRows(), file.dataRows() == 1 ? "row" : "rows", file.sha256());
        Launch launch = launcher.launch(next.parameters());
        if (inbox && launch instanceof Launch.AlreadyRunning) {
            log.info("{} is being run by another process; left to it", file.path());
            return ExitCode.OK;
        }
        int exitCode = summary.report(launch, file.path().toString());
        if (!dryRun && launch instanceof Launch.Ran ran && ran.execution().getStatus() == BatchStatus.COMPLETED) {
            if (launcher.next(parameters).done().isPresent()) {
                archive(file.path(), ran.execution().getId());
            } else if (next.resume().filter(CancellationLauncher.Resume::nothingLeft).isPresent()) {
                // the resumed execution (stopped by the skip limit, say) only had to be completed: its FAILED rows are
                // what the operator ran the same command again for
                return runFile(file, choices, inbox);
            }
        }
        return exitCode;
    }

    int restart(long id, boolean confirmed) throws Exception {
        JobExecution execution = launcher.execution(id);
        var parameters = execution.getJobParameters();
        Path path = Path.of(parameters.getString(CancellationJobConfiguration.INPUT_FILE));
        InputFile file = inputFiles.inspect(path);
        if (!file.sha256().equals(parameters.getString(CancellationJobConfiguration.INPUT_SHA256))) {
            throw new UsageException(path + " has changed since execution " + execution.getId()
                    + " read it; restarting would misread its lines (run the new content as a new file instead)");
        }
        if (!Boolean.TRUE.equals(parameters.getParameter(CancellationJobConfiguration.DRY_RUN).value())) {
            plan.checkAtlasConfiguration();
            plan.approveRestart(launcher.resumeOf(execution), file, confirmed);
        }
        try {
            return summary.report(launcher.restart(execution), path.toString());
        } catch (IllegalArgumentException notTheLast) {
            throw new UsageException(notTheLast.getMessage());
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
}
