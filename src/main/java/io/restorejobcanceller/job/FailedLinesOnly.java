package io.restorejobcanceller.job;

import java.util.BitSet;

import io.restorejobcanceller.input.CheckedRow;
import io.restorejobcanceller.input.InputRow;
import io.restorejobcanceller.input.TargetValidator;
import io.restorejobcanceller.outcome.OutcomeRepository;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The rows a retry sends again: only the lines that ended {@code FAILED} in the job instance it retries (Atlas gave
 * them no verdict). The file's other lines keep the outcome recorded by that instance and are filtered out here, so
 * nothing answered CANCELLED, NOT_FOUND or REJECTED is ever sent again.
 */
final class FailedLinesOnly implements ItemProcessor<InputRow, CheckedRow> {

    private final BitSet lines;
    private final TargetValidator validator = new TargetValidator();

    private FailedLinesOnly(BitSet lines) {
        this.lines = lines;
    }

    /** Every row validated, or, for a retry of {@code retryOf}, only its FAILED lines. */
    static ItemProcessor<InputRow, CheckedRow> validatorFor(Long retryOf, OutcomeRepository outcomes) {
        return retryOf == null ? new TargetValidator() : new FailedLinesOnly(outcomes.failedLines(retryOf));
    }

    @Override
    public CheckedRow process(InputRow row) {
        return row.lineNumber() <= Integer.MAX_VALUE && lines.get((int) row.lineNumber()) ? validator.process(row) : null;
    }
}
