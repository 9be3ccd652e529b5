package io.restorejobcanceller.find;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;

import io.restorejobcanceller.atlas.AtlasProperties;
import io.restorejobcanceller.atlas.auth.AtlasCredentials;
import io.restorejobcanceller.cli.ExitCode;
import io.restorejobcanceller.cli.OutputNotWrittenException;
import io.restorejobcanceller.cli.Terminal;
import io.restorejobcanceller.cli.UsageException;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Runs one find as an execution of the find job into a temporary file, then puts the whole file in place (or on
 * standard output): a find that fails leaves no file and prints nothing on standard output.
 */
@Component
class FindLauncher {

    private final JobOperator jobOperator;
    private final Job job;
    private final Clock clock;
    private final AtlasCredentials credentials;
    private final AtlasProperties atlas;

    FindLauncher(JobOperator jobOperator, Job restoreJobsFindJob, Clock clock, AtlasCredentials credentials, AtlasProperties atlas) {
        this.jobOperator = jobOperator;
        this.job = restoreJobsFindJob;
        this.clock = clock;
        this.credentials = credentials;
        this.atlas = atlas;
    }

    int run(FindCommand options) throws Exception {
        Path file = options.output == null ? null : options.output.toAbsolutePath().normalize();
        if (file != null && Files.isDirectory(file)) {
            throw new UsageException("--output names a directory (" + file + "); give a file name");
        }
        if (file != null && Files.exists(file) && !options.force) {
            throw new UsageException(file + " exists; give another --output, or --force to overwrite it");
        }
        credentials.problemCalling(atlas, " (find needs only the Project Read Only role on each project)").ifPresent(problem -> {
            throw new UsageException(problem);
        });
        FindRequest request = new FindRequest(options.scope.allProjects ? List.of() : List.copyOf(options.scope.projects),
                List.copyOf(options.clusters), options.snapshotBefore, options.snapshotAfter, options.format,
                file == null ? null : file.toString(), clock.instant());
        // beside the output, so that it is moved into place in one step: a half-written file is never where cancel looks
        Path written = file == null ? Files.createTempFile("find-", ".tmp") : Files.createTempFile(file.getParent(), ".find-", ".tmp");
        written.toFile().deleteOnExit(); // the JVM may end (SIGTERM) before the finally below runs
        try {
            JobExecution execution = jobOperator.start(job, new JobParametersBuilder(request.toJobParameters())
                    .addString(FindTasklet.TEMPORARY_FILE, written.toString(), false).toJobParameters());
            Terminal.endLine(); // the progress bar stays as the listing left it; what follows starts a line of its own
            if (execution.getAllFailureExceptions().stream().anyMatch(InterruptedException.class::isInstance)) {
                System.err.println("Stopped: on request (SIGTERM or Ctrl-C); nothing was written [find execution " + execution.getId() + "]");
                return ExitCode.JOB_FAILED;
            }
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw execution.getAllFailureExceptions().stream().findFirst()
                        .filter(FindRefusedException.class::isInstance).map(RuntimeException.class::cast)
                        .orElseGet(() -> new FindRefusedException("the find did not complete: " + execution.getAllFailureExceptions()));
            }
            StepExecution step = execution.getStepExecutions().iterator().next();
            String notListed = step.getExecutionContext().getString(FindTasklet.NOT_LISTED);
            notListed.lines().forEach(line -> System.err.println("not listed: " + line));
            deliver(written, file);
            System.err.println(step.getExecutionContext().getString(FindTasklet.SUMMARY)
                    + (file == null ? "" : " (written to " + file + ")") + " [find execution " + execution.getId() + "]");
            return notListed.isEmpty() ? ExitCode.OK : ExitCode.NEEDS_ATTENTION;
        } finally {
            Files.deleteIfExists(written);
        }
    }

    /** The whole file into place (the output file replaced in one move), or onto standard output. */
    private static void deliver(Path written, Path file) throws IOException {
        if (file != null) {
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        PrintStream out = System.out;
        Files.copy(written, out);
        out.flush();
        if (out.checkError()) {
            throw new OutputNotWrittenException("could not write to standard output");
        }
    }
}
