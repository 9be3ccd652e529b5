package io.restorejobcanceller.job;

import java.util.Set;

import io.restorejobcanceller.input.CheckedRow;
import io.restorejobcanceller.sending.RowResult;
import io.restorejobcanceller.sending.RequestDispatcher;
import io.restorejobcanceller.sending.RestoreJobCancelSender;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Gives every row of a chunk its final outcome, each recorded in its own transaction as soon as it is known. Rows
 * are decided in order ({@link RowDecision}); those that need a request are handed to the {@link RequestDispatcher}
 * while the next rows are decided. A stop (SIGTERM, {@code JobOperator.stop}), a failed DELETE (401) or the
 * {@link SkipBudget} ends the dispatching before the next row: the DELETEs in flight finish and are recorded, the
 * chunk rolls back.
 *
 * <p>The DELETE contract: before anything else the writer asks the results table which lines of the chunk are
 * already recorded in this job instance and passes over them, so whatever re-presents a chunk (a rollback, a
 * restart) never sends a recorded DELETE again. That is also why the step is not fault tolerant: Spring Batch's
 * retry and skip would re-write whole chunks; retries happen per DELETE in the sender instead.
 */
final class RestoreJobCancelWriter implements ItemWriter<CheckedRow> {

    private final StepExecution stepExecution;
    private final RowFacts facts;
    private final OutcomeRecorder recorder;
    private final SkipBudget skipBudget;
    private final RestoreJobCancelSender sender;
    private final RequestDispatcher dispatcher;
    private boolean firstDeleteAnswered;

    RestoreJobCancelWriter(StepExecution stepExecution, RowFacts facts, OutcomeRecorder recorder, SkipBudget skipBudget,
                           RestoreJobCancelSender sender, RequestDispatcher dispatcher) {
        this.stepExecution = stepExecution;
        this.facts = facts;
        this.recorder = recorder;
        this.skipBudget = skipBudget;
        this.sender = sender;
        this.dispatcher = dispatcher;
    }

    @Override
    public void write(Chunk<? extends CheckedRow> chunk) throws Exception {
        try {
            writeRows(chunk);
        } catch (InterruptedException cut) {
            if (!stopRequested()) {
                throw cut;
            }
            throw new JobInterruptedException(cut.getMessage());
        }
    }

    private void writeRows(Chunk<? extends CheckedRow> chunk) throws Exception {
        if (chunk.isEmpty()) {
            return;
        }
        Set<Long> alreadyRecorded = recorder.recordedLines(chunk.getItems().get(0).lineNumber(),
                chunk.getItems().get(chunk.size() - 1).lineNumber());
        facts.newChunk(chunk.getItems());
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
            RowDecision.Facts known = facts.of(row);
            RowDecision.Decision decision = RowDecision.decide(known);
            if (decision instanceof RowDecision.NotSent notSent) {
                RowResult result = notSent.result();
                // a project the guard does not allow counts once against the skip limit
                recorder.record(row, result.refusedScope() != null ? skipBudget.count(row, result) : result);
            } else if (decision instanceof RowDecision.Send send && !send(known, send, deletes)) {
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

    /** Sends the row's requests; {@code false} if the round takes no more. */
    private boolean send(RowDecision.Facts known, RowDecision.Send first, RequestDispatcher.RowQueue deletes) throws Exception {
        CheckedRow row = known.row();
        if (firstDeleteAnswered) {
            return deletes.submit(first.requests().first(), row.target().groupId(), () -> sendUnlessRefusedMeanwhile(known),
                    result -> recorder.record(row, result));
        }
        // the first DELETE goes alone: it authenticates (Digest challenge, service-account token) once, and wrong
        // credentials stop the job after one request instead of one per worker
        recorder.record(row, skipBudget.count(row, sender.send(row.target(), first.requests())));
        firstDeleteAnswered = true;
        return true;
    }

    /** A row waits in its project's queue: Atlas may refuse its project or cluster meanwhile, and then it is not sent. */
    private RowResult sendUnlessRefusedMeanwhile(RowDecision.Facts known) throws InterruptedException {
        RowDecision.Decision decision = RowDecision.decide(facts.now(known));
        if (decision instanceof RowDecision.Send send) {
            return skipBudget.count(known.row(), sender.sendDispatched(known.row().target(), send.requests()));
        }
        return ((RowDecision.NotSent) decision).result();
    }

    private boolean stopRequested() {
        return skipBudget.isPassed() || stepExecution.isTerminateOnly();
    }
}
