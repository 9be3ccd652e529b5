package io.restorejobcanceller.job;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import io.restorejobcanceller.atlas.CancellationTarget;
import io.restorejobcanceller.input.CheckedRow;
import io.restorejobcanceller.outcome.OutcomeRepository;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Whether a valid row names a target that an earlier line of the same job instance already named. A fingerprint
 * set answers "certainly new" without a query; a fingerprint met before is confirmed in the results table (a
 * collision never makes a new target a DUPLICATE), or among the first occurrences of the current chunk, whose
 * DELETEs may still be in flight.
 */
@Component
@Scope("step") // no proxy: the DELETE workers call it outside the step's thread
public class DuplicateCheck {

    private final StepExecution stepExecution;
    private final OutcomeRepository outcomes;
    private final Map<CancellationTarget, Long> firstLinesInChunk = new HashMap<>();
    private final RepeatedTargets repeated = new RepeatedTargets();
    private SeenTargets seen;

    public DuplicateCheck(@Value("#{stepExecution}") StepExecution stepExecution, OutcomeRepository outcomes) {
        this.stepExecution = stepExecution;
        this.outcomes = outcomes;
    }

    /** Called before the rows of a chunk are checked: the previous chunk's rows are all recorded by then. */
    public void newChunk() {
        firstLinesInChunk.clear();
    }

    /** The earlier line naming the same target, or empty, in which case this row is its first occurrence from now on. */
    public OptionalLong earlierLine(CheckedRow row) {
        CancellationTarget target = row.target();
        Long inChunk = firstLinesInChunk.get(target);
        if (inChunk != null) {
            return OptionalLong.of(inChunk);
        }
        long fingerprint = SeenTargets.fingerprint(target);
        if (seen().add(fingerprint)) {
            return firstOccurrence(row);
        }
        long candidate = repeated.firstLine(fingerprint);
        if (candidate >= 0 && target.equals(outcomes.targetAtLine(jobInstanceId(), candidate).orElse(null))) {
            return OptionalLong.of(candidate);
        }
        OptionalLong earlier = outcomes.earlierLineWithTarget(jobInstanceId(), target, row.lineNumber());
        if (earlier.isEmpty()) {
            return firstOccurrence(row); // a fingerprint collision: a new target after all
        }
        repeated.put(fingerprint, earlier.getAsLong());
        return earlier;
    }

    private OptionalLong firstOccurrence(CheckedRow row) {
        firstLinesInChunk.put(row.target(), row.lineNumber());
        return OptionalLong.empty();
    }

    private SeenTargets seen() {
        if (seen == null) {
            seen = new SeenTargets();
            outcomes.forEachRecordedTarget(jobInstanceId(), target -> seen.add(SeenTargets.fingerprint(target)));
        }
        return seen;
    }

    private long jobInstanceId() {
        return stepExecution.getJobExecution().getJobInstance().getInstanceId();
    }
}
