package io.restorejobcanceller.run;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

import io.restorejobcanceller.cli.UsageException;
import io.restorejobcanceller.job.CancellationJobConfiguration;
import io.restorejobcanceller.job.RecordingWatchdog;
import io.restorejobcanceller.outcome.Outcome;
import io.restorejobcanceller.outcome.OutcomeRepository;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Starts, restarts or abandons executions of the cancellation job under the instance's {@link RunLocks run lock}:
 * a second launch of the same instance while one runs is refused, and an execution left STARTED by a process that
 * died (nobody holds its lock) is marked FAILED through {@link JobOperator#recover} and restarted.
 */
@Component
class CancellationLauncher {

    private static final Logger log = LoggerFactory.getLogger(CancellationLauncher.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final RunLocks locks;
    private final RecordingWatchdog watchdog;
    private final GracefulShutdown shutdown;
    private final OutcomeRepository outcomes;
    private final Clock clock;

    public CancellationLauncher(JobOperator jobOperator, JobRepository jobRepository, Job restoreJobCancellationJob,
                                RunLocks locks, RecordingWatchdog watchdog, GracefulShutdown shutdown,
                                OutcomeRepository outcomes, Clock clock) {
        this.shutdown = shutdown;
        this.outcomes = outcomes;
        this.clock = clock;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = restoreJobCancellationJob;
        this.locks = locks;
        this.watchdog = watchdog;
    }

    public sealed interface Launch {
        /** The instance had completed before: nothing was run. */
        record AlreadyDone(JobExecution execution) implements Launch { }
        /** The instance's last execution was abandoned: it is not run again. */
        record Abandoned(JobExecution execution) implements Launch { }
        /** Another live process runs the instance. */
        record AlreadyRunning(String instance) implements Launch { }
        /** SIGTERM came first: nothing was started. */
        record NotStarted(String instance) implements Launch { }
        /** This launch ran an execution to its end (COMPLETED, FAILED or STOPPED). */
        record Ran(JobExecution execution) implements Launch { }
    }

    /**
     * What a launch of a file runs: its own job instance, or the retry of the rows it left FAILED; {@code done}: the
     * completed execution that left nothing to retry, if the file is already done; {@code resume}: the failed or
     * stopped execution it restarts, if so.
     */
    public record Next(JobParameters parameters, Optional<Retry> retry, Optional<JobExecution> done, Optional<Resume> resume) {
    }

    /** A restart of {@code execution}, whose instance has {@code recordedRows} of its {@code rows} recorded. */
    public record Resume(JobExecution execution, long recordedRows, long rows) {
        /** Every row is recorded: the restart only completes the execution, sending nothing. */
        public boolean nothingLeft() {
            return recordedRows >= rows;
        }
    }

    /** A retry: the {@code failedRows} that ended FAILED in the completed {@code execution} are sent again. */
    public record Retry(JobExecution execution, long failedRows) {
    }

    /**
     * The job instance a launch of these parameters should run. A completed real run whose rows ended FAILED (Atlas
     * gave no verdict) is followed by a retry of those rows: a job instance of its own, identified by the instance it
     * retries, so the audit keeps both and each row once per instance. Its FAILED rows are retried in turn by the
     * next launch, until one completes with none; that one is then "already done". A dry run is a plan made anew
     * each time: an instance of its own, never "already done".
     */
    public Next next(JobParameters parameters) {
        if (Boolean.TRUE.equals(parameters.getParameter(CancellationJobConfiguration.DRY_RUN).value())) {
            return new Next(new JobParametersBuilder(parameters)
                    .addString(CancellationJobConfiguration.PLANNED_AT, clock.instant().toString()).toJobParameters(),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }
        JobParameters current = parameters;
        Optional<Retry> retry = Optional.empty();
        while (true) {
            JobExecution last = jobRepository.getLastJobExecution(CancellationJobConfiguration.JOB_NAME, current);
            if (last == null || last.getStatus() == BatchStatus.ABANDONED) {
                return new Next(current, retry, Optional.empty(), Optional.empty());
            }
            if (last.getStatus() != BatchStatus.COMPLETED) {
                return new Next(current, retry, Optional.empty(), Optional.of(resumeOf(last)));
            }
            long instanceId = last.getJobInstance().getInstanceId();
            long failed = outcomes.countsByOutcome(instanceId).getOrDefault(Outcome.FAILED, 0L);
            if (failed == 0) {
                return new Next(current, retry, Optional.of(last), Optional.empty());
            }
            retry = Optional.of(new Retry(last, failed));
            current = new JobParametersBuilder(parameters).addLong(CancellationJobConfiguration.RETRY_OF, instanceId)
                    .addLong(CancellationJobConfiguration.INPUT_ROWS, failed, false).toJobParameters();
        }
    }

    /** What a restart of this (last) execution of its instance would resume. */
    public Resume resumeOf(JobExecution execution) {
        long recorded = outcomes.countsByOutcome(execution.getJobInstance().getInstanceId()).values().stream()
                .mapToLong(Long::longValue).sum();
        Long rows = execution.getJobParameters().getLong(CancellationJobConfiguration.INPUT_ROWS);
        return new Resume(execution, recorded, rows == null ? recorded : rows);
    }

    /** Runs the job instance of these parameters: a new one, or the restart of its failed or stopped execution. */
    public Launch launch(JobParameters parameters) throws Exception {
        return underRunLock(parameters, parameters.toString(), () -> {
            JobExecution last = jobRepository.getLastJobExecution(CancellationJobConfiguration.JOB_NAME, parameters);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                return new Launch.AlreadyDone(last);
            }
            if (last != null && last.getStatus() == BatchStatus.ABANDONED) {
                return new Launch.Abandoned(last);
            }
            recoverIfOrphaned(last);
            return new Launch.Ran(jobOperator.start(job, parameters));
        });
    }

    /** Restarts one execution, which must be the last of its instance (Spring Batch restarts only that one). */
    public Launch restart(JobExecution execution) throws Exception {
        JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (last != null && last.getId() != execution.getId()) {
            throw new IllegalArgumentException("job execution " + execution.getId() + " is not the last of its job instance;"
                    + " restart " + last.getId() + " instead");
        }
        return launch(execution.getJobParameters());
    }

    /** Gives an execution up for good (ABANDONED): neither it nor its file will be run again. */
    public Launch abandon(JobExecution execution) throws Exception {
        return underRunLock(execution.getJobParameters(), "execution " + execution.getId(), () -> {
            recoverIfOrphaned(execution);
            return new Launch.Ran(jobOperator.abandon(jobRepository.getJobExecution(execution.getId())));
        });
    }

    @FunctionalInterface
    private interface LockedWork {
        Launch run() throws Exception;
    }

    /**
     * Does the work holding the run lock of the input's content, or answers AlreadyRunning when a live process holds
     * it: the same content never runs twice at once, whatever the path it is given under.
     */
    private Launch underRunLock(JobParameters parameters, String what, LockedWork work) throws Exception {
        JobParameters content = new JobParametersBuilder()
                .addJobParameter(parameters.getParameter(CancellationJobConfiguration.INPUT_SHA256))
                .addJobParameter(parameters.getParameter(CancellationJobConfiguration.DRY_RUN))
                .toJobParameters();
        var lock = locks.tryAcquire(new DefaultJobKeyGenerator().generateKey(content));
        if (lock.isEmpty()) {
            return new Launch.AlreadyRunning(what);
        }
        try (var held = lock.get()) {
            return shutdown.isShutdownRequested() ? new Launch.NotStarted(what) : work.run();
        } finally {
            watchdog.disarm();
        }
    }

    private void recoverIfOrphaned(JobExecution execution) throws SQLException {
        if (execution != null && execution.getStatus().isRunning()) {
            log.warn("Job execution {} was left {} by a process that no longer runs; marking it FAILED to restart it",
                    execution.getId(), execution.getStatus());
            jobOperator.recover(execution);
        }
    }

    /** The job execution of this id, or a usage error naming it. */
    JobExecution execution(long id) {
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
}
