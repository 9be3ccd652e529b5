package io.restorejobcanceller.job;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import io.restorejobcanceller.input.CheckedRow;
import io.restorejobcanceller.outcome.Outcome;
import io.restorejobcanceller.sending.FirstPermit;
import io.restorejobcanceller.sending.RequestPlan;
import io.restorejobcanceller.sending.RowResult;
import io.restorejobcanceller.sending.RequestDispatcher;
import io.restorejobcanceller.sending.RefusedScope;
import io.restorejobcanceller.sending.RestoreJobCancelSender;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives every row of a chunk its final outcome, each recorded in its own transaction as soon as it is known. Rows
 * are decided in order; those that need a DELETE are handed to the {@link RequestDispatcher} while the next rows are
 * decided. A stop (SIGTERM, {@code JobOperator.stop}), a failed DELETE (401) or the {@link SkipBudget} ends the
 * dispatching before the next row: the DELETEs in flight finish and are recorded, the chunk rolls back.
 *
 * <p>The DELETE contract: before anything else the writer asks the results table which lines of the chunk are
 * already recorded in this job instance and passes over them, so whatever re-presents a chunk (a rollback, a
 * restart) never sends a recorded DELETE again. That is also why the step is not fault tolerant: Spring Batch's
 * retry and skip would re-write whole chunks; retries happen per DELETE in the sender instead.
 */
@Component
@StepScope
public class RestoreJobCancelWriter implements ItemWriter<CheckedRow> {

    private final StepExecution stepExecution;
    private final boolean dryRun;
    private final RequestPlan requests;
    private final OutcomeRecorder recorder;
    private final DuplicateCheck duplicates;
    private final ScopeRefusals refusals;
    private final SkipBudget skipBudget;
    private final RestoreJobCancelSender sender;
    private final RequestDispatcher dispatcher;
    private final GuardProperties guard;
    private final KnownTargets known;
    private boolean firstDeleteAnswered;

    public RestoreJobCancelWriter(@Value("#{stepExecution}") StepExecution stepExecution,
                                  @Value("#{jobParameters['" + CancellationJobConfiguration.DRY_RUN + "']}") Boolean dryRun,
                                  @Value("#{jobParameters['" + CancellationJobConfiguration.CHECK_FIRST + "']}") Boolean checkFirst,
                                  OutcomeRecorder recorder, DuplicateCheck duplicates, ScopeRefusals refusals,
                                  SkipBudget skipBudget, RestoreJobCancelSender sender, RequestDispatcher dispatcher,
                                  GuardProperties guard, KnownTargets known) {
        this.guard = guard;
        this.known = known;
        this.stepExecution = stepExecution;
        this.dryRun = Boolean.TRUE.equals(dryRun);
        this.requests = RequestPlan.of(Boolean.TRUE.equals(checkFirst), this.dryRun);
        this.recorder = recorder;
        this.duplicates = duplicates;
        this.refusals = refusals;
        this.skipBudget = skipBudget;
        this.sender = sender;
        this.dispatcher = dispatcher;
    }

    @Override
    public void write(Chunk<? extends CheckedRow> chunk) throws Exception {
        if (chunk.isEmpty()) {
            return;
        }
        Set<Long> alreadyRecorded = recorder.recordedLines(chunk.getItems().get(0).lineNumber(),
                chunk.getItems().get(chunk.size() - 1).lineNumber());
        duplicates.newChunk();
        known.newChunk(chunk.getItems());
        RequestDispatcher.RowQueue deletes = dispatcher.newQueue(this::stopRequested);
        CheckedRow stoppedAt = null;
        for (CheckedRow row : chunk) {
            if (alreadyRecorded.contains(row.lineNumber())) {
                continue;
            }
            if (deletes.failed() || stopRequested()) {
                stoppedAt = row;
                break;
            }
            RowResult withoutDelete = decideWithoutDelete(row);
            if (withoutDelete != null) {
                recorder.record(row, withoutDelete.refusedScope() != null ? skipBudget.count(row, withoutDelete) : withoutDelete);
            } else if (!send(row, deletes)) {
                stoppedAt = row;
                break;
            }
        }
        int unsent = deletes.awaitAll();
        skipBudget.throwIfPassed();
        if (stoppedAt != null) {
            throw new JobInterruptedException("stopped before line " + stoppedAt.lineNumber());
        }
        if (unsent > 0) {
            throw new JobInterruptedException(unsent + (unsent == 1 ? " row" : " rows") + " read but not yet sent");
        }
    }

    /**
     * The outcome of a row that needs no DELETE (invalid, duplicate in the file, of a project the guard does not
     * allow, finished by an earlier run, of a project or cluster Atlas refused, dry run), or {@code null} if it needs one.
     */
    private RowResult decideWithoutDelete(CheckedRow row) {
        if (!row.isValid()) {
            return RowResult.notSent(Outcome.INVALID, row.invalidReason());
        }
        OptionalLong earlier = duplicates.earlierLine(row);
        if (earlier.isPresent()) {
            return RowResult.notSent(Outcome.DUPLICATE, "same target as line " + earlier.getAsLong());
        }
        if (!guard.allows(row.target().groupId())) {
            return new RowResult(Outcome.REJECTED, null, GuardProperties.PROJECT_NOT_ALLOWED, "not sent: project "
                    + row.target().groupId() + " is not in canceller.guard.allowed-projects", 0,
                    new RefusedScope(row.target().groupId(), null)); // counts once against the skip limit
        }
        Optional<RowResult> earlierRun = known.earlier(row);
        if (earlierRun.isPresent()) {
            return earlierRun.get();
        }
        Optional<RowResult> refused = refusals.refusal(row);
        if (refused.isPresent()) {
            return refused.get();
        }
        return dryRun && requests == RequestPlan.DELETE
                ? RowResult.notSent(Outcome.PLANNED, "dry run: would send DELETE") : null;
    }

    /** Sends the row's DELETE; {@code false} if the queue takes no more. */
    private boolean send(CheckedRow row, RequestDispatcher.RowQueue deletes) throws Exception {
        if (firstDeleteAnswered) {
            // a row waits in its project's queue: Atlas may refuse its project or cluster meanwhile, and then it is not sent
            return deletes.submit(row.target().groupId(), () -> {
                Optional<RowResult> refused = refusals.refusal(row);
                return refused.isPresent() ? refused.get() : skipBudget.count(row, sender.send(row.target(), requests, FirstPermit.TAKEN));
            }, result -> recorder.record(row, result));
        }
        // the first DELETE goes alone: it authenticates (Digest challenge, service-account token) once, and wrong
        // credentials stop the job after one request instead of one per worker
        recorder.record(row, skipBudget.count(row, sender.send(row.target(), requests)));
        firstDeleteAnswered = true;
        return true;
    }

    private boolean stopRequested() {
        return skipBudget.isPassed() || stepExecution.isTerminateOnly();
    }
}
