package io.restorejobcanceller.job;

import java.nio.file.Path;
import java.time.Clock;

import io.restorejobcanceller.atlas.AtlasProperties;
import io.restorejobcanceller.input.CheckedRow;
import io.restorejobcanceller.input.InputFile;
import io.restorejobcanceller.input.InputFiles;
import io.restorejobcanceller.input.InputRow;
import io.restorejobcanceller.input.TargetCsvReader;
import io.restorejobcanceller.outcome.OutcomeRepository;
import io.restorejobcanceller.sending.RequestDispatcher;
import io.restorejobcanceller.sending.RestoreJobCancelSender;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The one job: read the CSV, validate each row, cancel the valid ones, record one outcome per row. The step's beans
 * read the job parameters once ({@link RunParameters}); those without a proxy ({@code @Scope("step")}) are also
 * called by the DELETE workers, outside the step's thread.
 */
@Configuration(proxyBeanMethods = false)
public class CancellationJobConfiguration {

    public static final String JOB_NAME = "restoreJobCancellationJob";
    public static final String INPUT_FILE = "input.file";
    public static final String INPUT_SHA256 = "input.sha256";
    public static final String DRY_RUN = "dry-run";
    /** Not identifying: how the rows are sent, not what the run is. */
    public static final String CHECK_FIRST = "check-first";
    /** Not identifying: the number of data rows, for progress. */
    public static final String INPUT_ROWS = "input.rows";
    /** Identifying, dry runs only: when the plan was made, so that every dry run is a plan of its own. */
    public static final String PLANNED_AT = "planned-at";
    /** Identifying, retries only: the job instance whose FAILED rows this one sends again. */
    public static final String RETRY_OF = "retry-of";

    @Bean
    Job restoreJobCancellationJob(JobRepository jobRepository, Step restoreJobCancellationStep,
                                  RunningExecutions runningExecutions) {
        return new JobBuilder(JOB_NAME, jobRepository).listener(runningExecutions).start(restoreJobCancellationStep).build();
    }

    @Bean
    Step restoreJobCancellationStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                    TargetCsvReader targetCsvReader, ItemProcessor<InputRow, CheckedRow> targetValidator,
                                    ItemWriter<CheckedRow> restoreJobCancelWriter, StepProperties properties) {
        return new StepBuilder("restoreJobCancellationStep", jobRepository)
                .<InputRow, CheckedRow>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(targetCsvReader)
                .processor(targetValidator)
                .writer(restoreJobCancelWriter)
                .build();
    }

    @Bean
    @Scope("step")
    RunParameters runParameters(@Value("#{stepExecution}") StepExecution stepExecution) {
        return RunParameters.of(stepExecution);
    }

    /** The file as inspected before the run (or now, if this process has not inspected it): its snapshot, its duplicates. */
    @Bean
    @Scope("step")
    InputFile inputFile(RunParameters run, InputFiles inputFiles) {
        return inputFiles.ofJob(Path.of(run.inputFile()), run.sha256());
    }

    @Bean
    @StepScope
    TargetCsvReader targetCsvReader(RunParameters run, InputFile inputFile) {
        return TargetCsvReader.ofSnapshot(Path.of(run.inputFile()), inputFile.snapshot());
    }

    @Bean
    @StepScope
    ItemProcessor<InputRow, CheckedRow> targetValidator(RunParameters run, OutcomeRepository outcomes) {
        return FailedLinesOnly.validatorFor(run.retryOf(), outcomes);
    }

    @Bean
    @StepScope
    ItemWriter<CheckedRow> restoreJobCancelWriter(@Value("#{stepExecution}") StepExecution stepExecution, RowFacts rowFacts,
                                                  OutcomeRecorder outcomeRecorder, SkipBudget skipBudget,
                                                  RestoreJobCancelSender sender, RequestDispatcher dispatcher) {
        return new RestoreJobCancelWriter(stepExecution, rowFacts, outcomeRecorder, skipBudget, sender, dispatcher);
    }

    @Bean
    @Scope("step")
    RowFacts rowFacts(RunParameters run, InputFile inputFile, GuardProperties guard, OutcomeRepository outcomes,
                      ScopeRefusals scopeRefusals) {
        return new RowFacts(run, inputFile.duplicates(), guard, new KnownTargets(outcomes, run), scopeRefusals);
    }

    @Bean
    @Scope("step")
    ScopeRefusals scopeRefusals() {
        return new ScopeRefusals();
    }

    @Bean
    @Scope("step")
    SkipBudget skipBudget(@Value("#{stepExecution}") StepExecution stepExecution, StepProperties properties,
                          ScopeRefusals scopeRefusals, AtlasProperties atlas) {
        return new SkipBudget(stepExecution, properties, scopeRefusals, atlas);
    }

    @Bean
    @Scope("step")
    OutcomeRecorder outcomeRecorder(RunParameters run, OutcomeRepository outcomes, ProgressLog progress, Clock clock,
                                    RecordingWatchdog watchdog) {
        return new OutcomeRecorder(run, outcomes, progress, clock, watchdog);
    }

    /**
     * The job parameters of one execution, read once for the step's beans.
     *
     * @param retryOf the job instance whose FAILED rows this one sends again, or {@code null}
     */
    record RunParameters(long jobInstanceId, long jobExecutionId, String inputFile, String sha256, boolean dryRun,
                         boolean checkFirst, boolean resendKnown, Long retryOf) {

        static RunParameters of(StepExecution stepExecution) {
            JobParameters parameters = stepExecution.getJobParameters();
            return new RunParameters(stepExecution.getJobExecution().getJobInstance().getInstanceId(),
                    stepExecution.getJobExecutionId(), parameters.getString(INPUT_FILE),
                    parameters.getString(INPUT_SHA256),
                    isTrue(parameters, DRY_RUN), isTrue(parameters, CHECK_FIRST),
                    isTrue(parameters, KnownTargets.RESEND_KNOWN), parameters.getLong(RETRY_OF));
        }

        private static boolean isTrue(JobParameters parameters, String name) {
            var parameter = parameters.getParameter(name);
            return parameter != null && Boolean.TRUE.equals(parameter.value());
        }
    }
}
