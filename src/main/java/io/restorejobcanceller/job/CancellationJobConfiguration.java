package io.restorejobcanceller.job;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.restorejobcanceller.atlas.AtlasBackupApi;
import io.restorejobcanceller.outcome.OutcomeRepository;
import io.restorejobcanceller.target.CheckedRow;
import io.restorejobcanceller.target.InputRow;
import io.restorejobcanceller.target.TargetCsvReader;
import io.restorejobcanceller.target.TargetValidator;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.skip.LimitCheckingExceptionHierarchySkipPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The one job: read the CSV, validate each row, cancel the valid ones, record one outcome per row. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CancellerProperties.class, RetryProperties.class, InputProperties.class, RateProperties.class})
public class CancellationJobConfiguration {

    public static final String JOB_NAME = "restoreJobCancellationJob";
    public static final String INPUT_FILE = "input.file";
    public static final String INPUT_SHA256 = "input.sha256";
    public static final String DRY_RUN = "dry-run";
    /** Not identifying: the number of data rows, for progress. */
    public static final String INPUT_ROWS = "input.rows";

    @Bean
    Job restoreJobCancellationJob(JobRepository jobRepository, Step restoreJobCancellationStep,
                                  GracefulShutdown gracefulShutdown) {
        return new JobBuilder(JOB_NAME, jobRepository).listener(gracefulShutdown).start(restoreJobCancellationStep).build();
    }

    @Bean
    Step restoreJobCancellationStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                    TargetCsvReader targetCsvReader, RestoreJobCancelWriter restoreJobCancelWriter,
                                    CancellerProperties properties) {
        return new StepBuilder("restoreJobCancellationStep", jobRepository)
                .<InputRow, CheckedRow>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(targetCsvReader)
                .processor(new TargetValidator())
                .writer(restoreJobCancelWriter)
                .build();
    }

    @Bean
    @StepScope
    TargetCsvReader targetCsvReader(@Value("#{jobParameters['" + INPUT_FILE + "']}") String inputFile) {
        return new TargetCsvReader(Path.of(inputFile));
    }

    @Bean
    @StepScope
    RestoreJobCancelWriter restoreJobCancelWriter(@Value("#{stepExecution}") StepExecution stepExecution,
                                                  @Value("#{jobParameters['" + INPUT_FILE + "']}") String inputFile,
                                                  @Value("#{jobParameters['" + DRY_RUN + "']}") Boolean dryRun,
                                                  @Value("#{jobParameters['" + INPUT_ROWS + "']}") Long inputRows,
                                                  OutcomeRepository outcomes, RestoreJobCancelSender sender,
                                                  CancellerProperties properties, Clock clock, MeterRegistry meters,
                                                  DeleteDispatcher deleteDispatcher) {
        var skipPolicy = new LimitCheckingExceptionHierarchySkipPolicy(Set.of(RowNotCancelledException.class),
                properties.skipLimit());
        long jobInstanceId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        long alreadyDone = outcomes.countsByOutcome(jobInstanceId).values().stream().mapToLong(Long::longValue).sum();
        var progress = new ProgressLog(inputRows == null ? 0 : inputRows, alreadyDone, clock, properties.progressInterval(), meters);
        return new RestoreJobCancelWriter(stepExecution, outcomes, sender, skipPolicy, clock,
                Boolean.TRUE.equals(dryRun), inputFile, progress, deleteDispatcher);
    }

    @Bean
    RestoreJobCancelSender restoreJobCancelSender(AtlasBackupApi atlas, RetryProperties retry, Sleeper sleeper,
                                                  RequestThrottle requestThrottle) {
        return new RestoreJobCancelSender(atlas, retry, sleeper, requestThrottle);
    }

    @Bean
    RequestThrottle requestThrottle(RateProperties rate, Sleeper sleeper, Clock clock) {
        return new RequestThrottle(rate, sleeper, clock);
    }

    @Bean(destroyMethod = "close")
    DeleteDispatcher deleteDispatcher(CancellerProperties properties) {
        return new DeleteDispatcher(properties.concurrency());
    }

    @Bean
    @ConditionalOnMissingBean
    Sleeper sleeper() {
        return duration -> Thread.sleep(duration.toMillis());
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
