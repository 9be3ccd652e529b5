package io.restorejobcanceller.job;

import java.nio.file.Path;

import io.restorejobcanceller.input.CheckedRow;
import io.restorejobcanceller.input.InputRow;
import io.restorejobcanceller.input.InputSnapshots;
import io.restorejobcanceller.input.TargetCsvReader;
import io.restorejobcanceller.outcome.OutcomeRepository;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The one job: read the CSV, validate each row, cancel the valid ones, record one outcome per row. */
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
                                    RestoreJobCancelWriter restoreJobCancelWriter, StepProperties properties) {
        return new StepBuilder("restoreJobCancellationStep", jobRepository)
                .<InputRow, CheckedRow>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(targetCsvReader)
                .processor(targetValidator)
                .writer(restoreJobCancelWriter)
                .build();
    }

    @Bean
    @StepScope
    ItemProcessor<InputRow, CheckedRow> targetValidator(@Value("#{jobParameters['" + RETRY_OF + "']}") Long retryOf,
                                                        OutcomeRepository outcomes) {
        return FailedLinesOnly.validatorFor(retryOf, outcomes);
    }

    @Bean
    @StepScope
    TargetCsvReader targetCsvReader(@Value("#{jobParameters['" + INPUT_FILE + "']}") String inputFile,
                                    @Value("#{jobParameters['" + INPUT_SHA256 + "']}") String sha256) {
        return TargetCsvReader.ofSnapshot(Path.of(inputFile), InputSnapshots.of(sha256));
    }
}
