package io.restorejobcanceller.job;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import io.restorejobcanceller.outcome.Outcome;
import io.restorejobcanceller.outcome.OutcomeRecord;
import io.restorejobcanceller.outcome.OutcomeRepository;
import io.restorejobcanceller.target.CancellationTarget;
import io.restorejobcanceller.target.CheckedRow;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.skip.SkipLimitExceededException;
import org.springframework.batch.core.step.skip.SkipPolicy;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Gives every row of a chunk its final outcome and records each in its own transaction as soon as it is known.
 * Rows are decided in order; those that need a DELETE are handed to the {@link DeleteDispatcher} (at most
 * {@code canceller.concurrency} in flight) while the next rows are decided. A stop (SIGTERM,
 * {@code JobOperator.stop}) takes effect before the next row: the DELETEs in flight finish and are recorded, the chunk
 * rolls back, the step ends STOPPED, and a restart passes over the rows already recorded.
 *
 * <p>The DELETE contract: before doing anything for a chunk the writer asks the results table which of its lines
 * already have an outcome in this job instance and passes over them. Whatever re-presents a chunk (a rollback, a
 * restart from the last commit), a DELETE whose outcome was recorded is never sent again. That is also why the
 * step is not fault tolerant: Spring Batch's retry and skip would re-write whole chunks; here retries happen per
 * DELETE inside the writer and REJECTED/FAILED rows are counted against the {@link SkipPolicy} without any
 * exception reaching the step unless the limit is passed.
 */
public class RestoreJobCancelWriter implements ItemWriter<CheckedRow> {

    private final StepExecution stepExecution;
    private final OutcomeRepository outcomes;
    private final RestoreJobCancelSender sender;
    private final SkipPolicy skipPolicy;
    private final Clock clock;
    private final boolean dryRun;
    private final String inputFile;
    private final ProgressLog progress;
    private final DeleteDispatcher dispatcher;
    private long skipCount;
    private boolean firstDeleteAnswered;
    private SeenTargets seenTargets;
    private volatile SkipLimitExceededException skipLimitPassed;

    public RestoreJobCancelWriter(StepExecution stepExecution, OutcomeRepository outcomes, RestoreJobCancelSender sender,
                                  SkipPolicy skipPolicy, Clock clock, boolean dryRun, String inputFile, ProgressLog progress,
                                  DeleteDispatcher dispatcher) {
        this.stepExecution = stepExecution;
        this.outcomes = outcomes;
        this.sender = sender;
        this.skipPolicy = skipPolicy;
        this.clock = clock;
        this.dryRun = dryRun;
        this.inputFile = inputFile;
        this.progress = progress;
        this.dispatcher = dispatcher;
    }

    @Override
    public void write(Chunk<? extends CheckedRow> chunk) throws Exception {
        if (chunk.isEmpty()) {
            return;
        }
        long jobInstanceId = jobInstanceId();
        if (seenTargets == null) {
            seenTargets = new SeenTargets();
            outcomes.forEachRecordedTarget(jobInstanceId, target -> seenTargets.add(SeenTargets.fingerprint(target)));
        }
        Set<Long> alreadyRecorded = outcomes.recordedLines(jobInstanceId,
                chunk.getItems().get(0).lineNumber(), chunk.getItems().get(chunk.size() - 1).lineNumber());
        Map<CancellationTarget, Long> firstLineInChunk = new HashMap<>();
        DeleteDispatcher.Round deletes = dispatcher.newRound(() -> skipLimitPassed != null || stepExecution.isTerminateOnly());
        CheckedRow stoppedAt = null;
        for (CheckedRow row : chunk) {
            if (alreadyRecorded.contains(row.lineNumber())) {
                continue;
            }
            if (deletes.failed() || skipLimitPassed != null || stepExecution.isTerminateOnly()) {
                stoppedAt = row;
                break;
            }
            CancelResult withoutDelete = decideWithoutDelete(row, jobInstanceId, firstLineInChunk);
            if (withoutDelete != null) {
                record(row, withoutDelete, jobInstanceId);
                continue;
            }
            firstLineInChunk.put(row.target(), row.lineNumber());
            if (firstDeleteAnswered) {
                if (!deletes.submit(() -> counted(row, sender.send(row.target())), result -> record(row, result, jobInstanceId))) {
                    stoppedAt = row;
                    break;
                }
            } else {
                // the first DELETE goes alone: it authenticates (Digest challenge, service-account token) once, and
                // wrong credentials stop the job after one request instead of one per worker
                record(row, counted(row, sender.send(row.target())), jobInstanceId);
                firstDeleteAnswered = true;
            }
        }
        deletes.awaitAll();
        if (skipLimitPassed != null) {
            throw skipLimitPassed;
        }
        if (stoppedAt != null) {
            throw new JobInterruptedException("stopped before line " + stoppedAt.lineNumber());
        }
    }

    /** The outcome of a row that needs no DELETE (invalid, duplicate, dry run), or {@code null} if it needs one. */
    private CancelResult decideWithoutDelete(CheckedRow row, long jobInstanceId, Map<CancellationTarget, Long> firstLineInChunk) {
        if (!row.isValid()) {
            return CancelResult.notSent(Outcome.INVALID, row.invalidReason());
        }
        Long inChunk = firstLineInChunk.get(row.target());
        OptionalLong earlier = inChunk != null ? OptionalLong.of(inChunk)
                : seenTargets.add(SeenTargets.fingerprint(row.target())) ? OptionalLong.empty()
                : outcomes.earlierLineWithTarget(jobInstanceId, row.target(), row.lineNumber());
        if (earlier.isPresent()) {
            return CancelResult.notSent(Outcome.DUPLICATE, "same target as line " + earlier.getAsLong());
        }
        return dryRun ? CancelResult.notSent(Outcome.PLANNED, "dry run: would send DELETE") : null;
    }

    private void record(CheckedRow row, CancelResult result, long jobInstanceId) {
        outcomes.record(toRecord(row, result, jobInstanceId));
        progress.recorded(result.outcome());
    }

    /**
     * Counts a REJECTED or FAILED answer against the skip policy as soon as it arrives, before the request's slot
     * is freed, so that no further DELETE is dispatched once the limit is passed. The row is still recorded; the
     * {@code SkipLimitExceededException} fails the step (restartably) after the DELETEs under way are recorded.
     */
    private synchronized CancelResult counted(CheckedRow row, CancelResult result) {
        if (result.outcome().isSkip() && skipLimitPassed == null) {
            try {
                skipPolicy.shouldSkip(new RowNotCancelledException(row.lineNumber(), result), skipCount);
                skipCount++;
                stepExecution.setWriteSkipCount(stepExecution.getWriteSkipCount() + 1);
            } catch (SkipLimitExceededException e) {
                skipLimitPassed = e;
            }
        }
        return result;
    }

    private OutcomeRecord toRecord(CheckedRow row, CancelResult result, long jobInstanceId) {
        return new OutcomeRecord(stepExecution.getJobExecutionId(), jobInstanceId, inputFile, row.lineNumber(),
                row.row().groupId(), row.row().clusterName(), row.row().restoreJobId(), result.outcome(),
                result.httpStatus(), result.errorCode(), result.detail(), result.attempts(), clock.instant());
    }

    private long jobInstanceId() {
        return stepExecution.getJobExecution().getJobInstance().getInstanceId();
    }
}
