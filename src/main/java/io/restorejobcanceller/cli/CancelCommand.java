package io.restorejobcanceller.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.restorejobcanceller.atlas.AtlasCredentials;
import io.restorejobcanceller.atlas.AtlasProperties;
import io.restorejobcanceller.job.CancellationJobConfiguration;
import io.restorejobcanceller.outcome.Outcome;
import io.restorejobcanceller.outcome.OutcomeRepository;
import io.restorejobcanceller.target.InputFile;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code --input=FILE [--dry-run]}: checks the file and the configuration before anything is sent, then starts
 * the job for that file, or restarts its failed instance, and prints a summary.
 */
@Component
class CancelCommand {

    static final String USAGE = "usage: java -jar restore-job-canceller.jar --input=FILE [--dry-run] [--canceller.*=...]"
            + " | report [...]";
    static final List<String> OPTIONS = List.of("input", "dry-run");

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final AtlasCredentials credentials;
    private final AtlasProperties atlas;
    private final RunSummary summary;
    private final PrintStream out = System.out;

    CancelCommand(JobOperator jobOperator, JobRepository jobRepository, Job restoreJobCancellationJob,
                         AtlasCredentials credentials, AtlasProperties atlas, OutcomeRepository outcomes) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = restoreJobCancellationJob;
        this.credentials = credentials;
        this.atlas = atlas;
        this.summary = new RunSummary(outcomes, System.out);
    }

    int run(ApplicationArguments args) throws Exception {
        List<String> input = args.getOptionValues("input");
        if (input == null || input.size() != 1 || input.get(0).isBlank()) {
            throw new UsageException("give exactly one --input=FILE; " + USAGE);
        }
        boolean dryRun = args.containsOption("dry-run");
        InputFile file = InputFile.inspect(Path.of(input.get(0)));
        if (!dryRun) {
            checkAtlasConfiguration();
        }
        JobParameters parameters = new JobParametersBuilder()
                .addString(CancellationJobConfiguration.INPUT_FILE, file.path().toString())
                .addString(CancellationJobConfiguration.INPUT_SHA256, file.sha256())
                .addJobParameter(CancellationJobConfiguration.DRY_RUN, dryRun, Boolean.class, true)
                .toJobParameters();
        JobExecution last = jobRepository.getLastJobExecution(CancellationJobConfiguration.JOB_NAME, parameters);
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            out.printf("%s (sha256 %s) was already done by execution %d at %s; nothing sent.%n",
                    file.path(), file.sha256(), last.getId(), last.getEndTime());
            return ExitCode.OK;
        }
        out.printf("%s %s: %d data rows (sha256 %s)%n", dryRun ? "Dry run of" : "Cancelling restore jobs from",
                file.path(), file.dataRows(), file.sha256());
        JobExecution execution;
        try {
            execution = jobOperator.start(job, parameters);
        } catch (JobExecutionAlreadyRunningException e) {
            System.err.println("error: another run of " + file.path() + " is in progress (" + e.getMessage() + ")");
            return ExitCode.ALREADY_RUNNING;
        }
        Map<Outcome, Long> counts = summary.print(execution);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return ExitCode.JOB_FAILED;
        }
        return counts.keySet().stream().anyMatch(Outcome::needsAttention) ? ExitCode.NEEDS_ATTENTION : ExitCode.OK;
    }

    private void checkAtlasConfiguration() {
        credentials.problem().ifPresent(problem -> {
            throw new UsageException(problem);
        });
        String baseUrlProblem = atlas.baseUrlProblem();
        if (baseUrlProblem != null) {
            throw new UsageException(baseUrlProblem);
        }
    }
}
