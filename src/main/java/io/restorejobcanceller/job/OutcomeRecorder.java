package io.restorejobcanceller.job;

import java.time.Clock;
import java.util.Set;

import io.restorejobcanceller.input.CheckedRow;
import io.restorejobcanceller.outcome.OutcomeRecord;
import io.restorejobcanceller.outcome.OutcomeRepository;
import io.restorejobcanceller.sending.RowResult;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/** Writes each row's outcome into the results table as soon as it is known, and counts it for progress. */
@Component
@Scope("step") // no proxy: the DELETE workers call it outside the step's thread
public class OutcomeRecorder {

    private final StepExecution stepExecution;
    private final String inputFile;
    private final boolean dryRun;
    private final OutcomeRepository outcomes;
    private final ProgressLog progress;
    private final Clock clock;
    private final RecordingWatchdog watchdog;

    public OutcomeRecorder(@Value("#{stepExecution}") StepExecution stepExecution,
                           @Value("#{jobParameters['" + CancellationJobConfiguration.INPUT_FILE + "']}") String inputFile,
                           @Value("#{jobParameters['" + CancellationJobConfiguration.DRY_RUN + "']}") Boolean dryRun,
                           OutcomeRepository outcomes, ProgressLog progress, Clock clock, RecordingWatchdog watchdog) {
        this.dryRun = Boolean.TRUE.equals(dryRun);
        this.stepExecution = stepExecution;
        this.inputFile = inputFile;
        this.outcomes = outcomes;
        this.progress = progress;
        this.clock = clock;
        this.watchdog = watchdog;
    }

    /** Lines of this range that already have their outcome in this job instance. */
    public Set<Long> recordedLines(long fromLine, long toLine) {
        return outcomes.recordedLines(jobInstanceId(), fromLine, toLine);
    }

    /**
     * @throws OutcomeNotRecordedException when the database does not take the row: the run must stop at once, since
     *                                     every request answered from now on would be sent again on restart too
     */
    public void record(CheckedRow row, RowResult result) {
        try {
            insert(row, result);
        } catch (RuntimeException e) {
            OutcomeNotRecordedException notRecorded = OutcomeNotRecordedException.of(row, result, e);
            watchdog.arm(notRecorded.getMessage());
            throw notRecorded;
        }
        progress.recorded(result.outcome());
    }

    private void insert(CheckedRow row, RowResult result) {
        outcomes.record(new OutcomeRecord(stepExecution.getJobExecutionId(), jobInstanceId(), inputFile, row.lineNumber(),
                row.row().groupId(), row.row().clusterName(), row.row().restoreJobId(), result.outcome(),
                result.httpStatus(), result.errorCode(), result.detail(), result.attempts(), clock.instant(), dryRun));
    }

    private long jobInstanceId() {
        return stepExecution.getJobExecution().getJobInstance().getInstanceId();
    }
}
