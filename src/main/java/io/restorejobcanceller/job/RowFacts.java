package io.restorejobcanceller.job;

import java.util.List;
import java.util.OptionalLong;

import io.restorejobcanceller.input.CheckedRow;
import io.restorejobcanceller.input.DuplicateLines;
import io.restorejobcanceller.job.CancellationJobConfiguration.RunParameters;

/**
 * Gathers what is known of each row for its {@link RowDecision}: the file's earlier line with the same target (known
 * of the file before the job starts), the guard, what earlier runs did (looked up once per chunk), Atlas's refusals
 * so far, and the run's parameters.
 */
final class RowFacts {

    private final RunParameters run;
    private final DuplicateLines duplicates;
    private final GuardProperties guard;
    private final KnownTargets known;
    private final ScopeRefusals refusals;

    RowFacts(RunParameters run, DuplicateLines duplicates, GuardProperties guard, KnownTargets known, ScopeRefusals refusals) {
        this.run = run;
        this.duplicates = duplicates;
        this.guard = guard;
        this.known = known;
        this.refusals = refusals;
    }

    /** Called before the rows of a chunk are decided. */
    void newChunk(List<? extends CheckedRow> rows) {
        known.newChunk(rows);
    }

    RowDecision.Facts of(CheckedRow row) {
        if (!row.isValid()) {
            return new RowDecision.Facts(row, null, true, null, null, run.dryRun(), run.checkFirst());
        }
        OptionalLong earlierLine = duplicates.earlierLine(row.lineNumber());
        return new RowDecision.Facts(row, earlierLine.isPresent() ? earlierLine.getAsLong() : null,
                guard.allows(row.target().groupId()), known.earlier(row), refusals.refusalOf(row.target()),
                run.dryRun(), run.checkFirst());
    }

    /** The same facts with Atlas's refusals as they are now: a row waiting to be sent may have been refused meanwhile. */
    RowDecision.Facts now(RowDecision.Facts facts) {
        return facts.withRefusal(refusals.refusalOf(facts.row().target()));
    }
}
