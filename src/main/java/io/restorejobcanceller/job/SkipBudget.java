package io.restorejobcanceller.job;

import java.util.Set;

import io.restorejobcanceller.atlas.AtlasProperties;
import io.restorejobcanceller.input.CheckedRow;
import io.restorejobcanceller.sending.RowResult;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.skip.LimitCheckingExceptionHierarchySkipPolicy;
import org.springframework.batch.core.step.skip.SkipLimitExceededException;
import org.springframework.batch.core.step.skip.SkipPolicy;

/**
 * The REJECTED and FAILED rows one execution tolerates ({@code canceller.skip-limit}), counted by a Spring Batch
 * {@link SkipPolicy} as each answer arrives, before the request's slot is freed: once the limit is passed nothing
 * more is dispatched. Counted rows also show in {@code BATCH_STEP_EXECUTION.WRITE_SKIP_COUNT}.
 */
final class SkipBudget {

    private final StepExecution stepExecution;
    private final SkipPolicy policy;
    private final ScopeRefusals refusals;
    private final long limit;
    private final String baseUrl;
    private long skipped;
    private long answered;
    private volatile RuntimeException passed;

    SkipBudget(StepExecution stepExecution, StepProperties properties, ScopeRefusals refusals, AtlasProperties atlas) {
        this.stepExecution = stepExecution;
        this.refusals = refusals;
        this.limit = properties.skipLimit();
        this.baseUrl = atlas.baseUrlWithoutSlash();
        this.policy = new LimitCheckingExceptionHierarchySkipPolicy(Set.of(RowNotCancelledException.class),
                properties.skipLimit());
    }

    /**
     * Counts the row if its outcome is a skip; returns the result unchanged. The refusal of a whole project or
     * cluster counts once, however many of its rows were under way.
     */
    synchronized RowResult count(CheckedRow row, RowResult result) {
        boolean counted = result.refusedScope() == null || refusals.note(row, result);
        if (result.httpStatus() != null) {
            answered++;
        }
        if (result.outcome().isSkip() && counted && passed == null) {
            try {
                policy.shouldSkip(new RowNotCancelledException(row.lineNumber(), result), skipped);
                skipped++;
                stepExecution.setWriteSkipCount(stepExecution.getWriteSkipCount() + 1);
            } catch (SkipLimitExceededException e) {
                passed = new SkipLimitPassedException(answered == 0
                        ? baseUrl + " answered none of the requests sent (line " + row.lineNumber() + ": " + result.detail()
                        + "): check canceller.atlas.base-url and the network"
                        : "skip limit " + limit + " passed: row " + (skipped + 1) + " to end REJECTED or FAILED was line "
                        + row.lineNumber() + " (" + result.outcome() + ": " + result.detail() + ")");
            }
        }
        return result;
    }

    boolean isPassed() {
        return passed != null;
    }

    /** The skip limit was passed; its message is the run's one line of cause (it has no cause of its own). */
    static final class SkipLimitPassedException extends RuntimeException {
        SkipLimitPassedException(String message) {
            super(message);
        }
    }

    /** Fails the step (restartably) once the rows under way are recorded. */
    void throwIfPassed() {
        if (passed != null) {
            throw passed;
        }
    }

    /** A row ended REJECTED or FAILED: the skippable event counted by the step's {@code SkipPolicy}. */
    static final class RowNotCancelledException extends RuntimeException {

        RowNotCancelledException(long lineNumber, RowResult result) {
            super("line " + lineNumber + " ended " + result.outcome() + ": " + result.detail());
        }
    }
}
