package io.restorejobcanceller.find;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

@Command(name = "find", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lists the restore jobs that can be cancelled (manual downloads not finished, cancelled, expired nor "
                + "failed) as the file 'cancel' takes. Read-only: sends no DELETE.",
                "Needs the Project Read Only role on each project; the summary and any refused project or cluster go to "
                        + "standard error."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "1:Atlas refused the credentials or this host: nothing written",
                "2:usage error", "3:listed, but Atlas refused some projects or clusters (named on standard error)"})
public final class FindCommand implements Callable<Integer> {

    /** cli's ExitCode.NEEDS_ATTENTION (find cannot import cli, which lists this command); 0, 1 and 2 are picocli's. */
    static final int SOME_REFUSED = 3;

    static final class Scope {
        @Option(names = "--project", split = ",", required = true, paramLabel = "ID",
                description = "A project (group id); repeatable or comma-separated.")
        List<String> projects;

        @Option(names = "--all-projects", required = true, description = "Every project the credentials can see.")
        boolean allProjects;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Scope scope;

    @Option(names = "--cluster", split = ",", paramLabel = "NAME",
            description = "Only this cluster of each project; repeatable (default: every cluster).")
    List<String> clusters = List.of();

    @Option(names = "--snapshot-before", paramLabel = "DATE", converter = SnapshotTime.class,
            description = "Only restore jobs of snapshots taken before this date (2026-11-23, UTC) or date-time with offset.")
    Instant snapshotBefore;

    @Option(names = "--snapshot-after", paramLabel = "DATE", converter = SnapshotTime.class,
            description = "Only restore jobs of snapshots taken at or after this date or date-time.")
    Instant snapshotAfter;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT",
            description = "csv (the file 'cancel' takes), table or json (every restore job seen, with why it is or is not listed).")
    FoundFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to this file instead of standard output.")
    Path output;

    @Option(names = "--force", description = "Overwrite the --output file if it exists.")
    boolean force;

    private JobOperator jobOperator;
    private Job job;
    private Clock clock;

    @Autowired
    void use(JobOperator jobOperator, @Qualifier(FindJobConfiguration.JOB_NAME) Job job, Clock clock) {
        this.jobOperator = jobOperator;
        this.job = job;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        Path file = output == null ? null : output.toAbsolutePath().normalize();
        if (file != null && (Files.isDirectory(file) || Files.exists(file) && !force)) {
            System.err.println("error: " + file + (Files.isDirectory(file) ? " is a directory; give a file name"
                    : " exists; give another --output, or --force to overwrite it"));
            return CommandLine.ExitCode.USAGE;
        }
        FindRequest request = new FindRequest(scope.allProjects ? List.of() : List.copyOf(scope.projects), List.copyOf(clusters),
                snapshotBefore, snapshotAfter, format, file == null ? null : file.toString(), clock.instant());
        // beside the output, so that it is moved into place in one step; a half-written file is never where cancel looks
        Path written = file == null ? Files.createTempFile("find-", ".tmp") : Files.createTempFile(file.getParent(), ".find-", ".tmp");
        try {
            JobExecution execution = jobOperator.start(job, new JobParametersBuilder(request.toJobParameters())
                    .addString(FindTasklet.TEMPORARY_FILE, written.toString(), false).toJobParameters());
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                System.err.println("error: " + execution.getAllFailureExceptions().stream().findFirst()
                        .map(e -> e instanceof FindRefusedException ? e.getMessage() : e.toString()).orElse("the find did not complete")
                        + "; nothing was written");
                return CommandLine.ExitCode.SOFTWARE;
            }
            StepExecution step = execution.getStepExecutions().iterator().next();
            String refused = step.getExecutionContext().getString(FindTasklet.REFUSED);
            refused.lines().forEach(line -> System.err.println("not listed: " + line));
            deliver(written, file);
            System.err.println(step.getExecutionContext().getString(FindTasklet.SUMMARY)
                    + (file == null ? "" : " (written to " + file + ")") + " [execution " + execution.getId() + "]");
            return refused.isEmpty() ? CommandLine.ExitCode.OK : SOME_REFUSED;
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
            throw new IOException("could not write to standard output");
        }
    }

    /** A date (UTC midnight) or a date-time with offset. */
    static final class SnapshotTime implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return value.length() <= 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(value).toInstant();
        }
    }
}
