package io.restorejobcanceller.job;

import java.time.Clock;
import java.util.Set;

import io.restorejobcanceller.input.CheckedRow;
import io.restorejobcanceller.job.CancellationJobConfiguration.RunParameters;
import io.restorejobcanceller.outcome.OutcomeRecord;
import io.restorejobcanceller.outcome.OutcomeRepository;
import io.restorejobcanceller.sending.RowResult;

/** Writes each row's outcome into the results table as soon as it is known, and counts it for progress. */
final class OutcomeRecorder {

    private final RunParameters run;
    private final OutcomeRepository outcomes;
    private final ProgressLog progress;
    private final Clock clock;
    private final RecordingWatchdog watchdog;

    OutcomeRecorder(RunParameters run, OutcomeRepository outcomes, ProgressLog progress, Clock clock, RecordingWatchdog watchdog) {
        this.run = run;
        this.outcomes = outcomes;
        this.progress = progress;
        this.clock = clock;
        this.watchdog = watchdog;
    }

    /** Lines of this range that already have their outcome in this job instance. */
    Set<Long> recordedLines(long fromLine, long toLine) {
        return outcomes.recordedLines(run.jobInstanceId(), fromLine, toLine);
    }

    /**
     * @throws OutcomeNotRecordedException when the database does not take the row: the run must stop at once, since
     *                                     every request answered from now on would be sent again on restart too
     */
    void record(CheckedRow row, RowResult result) {
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
        outcomes.record(new OutcomeRecord(run.jobExecutionId(), run.jobInstanceId(), run.inputFile(), row.lineNumber(),
                row.row().groupId(), row.row().clusterName(), row.row().restoreJobId(), result.outcome(),
                result.httpStatus(), result.errorCode(), result.detail(), result.attempts(), clock.instant(), run.dryRun()));
    }

    /**
     * An outcome the database did not take. It carries the database's reason in its message, not as a cause, so that the
     * run's summary shows this sentence (which names the row) rather than the driver's. Nothing is logged before it is
     * thrown: every moment before the dispatcher sees it is a moment in which more DELETEs could be sent.
     */
    static final class OutcomeNotRecordedException extends RuntimeException {

        private OutcomeNotRecordedException(String message) {
            super(message);
        }

        static OutcomeNotRecordedException of(CheckedRow row, RowResult result, RuntimeException failure) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip().lines().findFirst().orElse("");
            boolean sent = result.attempts() > 0;
            return new OutcomeNotRecordedException("could not record the outcome of line " + row.lineNumber() + " (" + result.outcome()
                    + (sent ? ", after its request was answered" : "") + "): " + reason + "; the run stopped"
                    + (sent ? " (this row's DELETE will be sent again when the run is restarted)" : ""));
        }
    }
}
