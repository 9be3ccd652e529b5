package io.restorejobcanceller.job;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restorejobcanceller.atlas.CancellationTarget;
import io.restorejobcanceller.input.CheckedRow;
import io.restorejobcanceller.job.CancellationJobConfiguration.RunParameters;
import io.restorejobcanceller.outcome.OutcomeRepository;

/**
 * Memory across runs: a target that an earlier job instance's real run already finished ({@code CANCELLED}, or
 * {@code NOT_FOUND}/{@code SKIPPED}: gone) is not sent again; its row is {@code DUPLICATE}, naming the execution, file,
 * line and time ({@link RowDecision}). Looked up per chunk in the results table;
 * {@code --resend-known} turns it off.
 */
public final class KnownTargets {

    /** Job parameter (not identifying): send targets that earlier runs finished anyway. */
    public static final String RESEND_KNOWN = "resend-known";

    private final OutcomeRepository outcomes;
    private final long instanceId;
    private final boolean enabled;
    private Map<CancellationTarget, RowDecision.EarlierRun> known = Map.of();

    KnownTargets(OutcomeRepository outcomes, RunParameters run) {
        this.outcomes = outcomes;
        this.instanceId = run.jobInstanceId();
        this.enabled = !run.resendKnown();
    }

    /** Looks up what earlier runs did to the valid targets of these rows. */
    void newChunk(List<? extends CheckedRow> rows) {
        Map<CancellationTarget, RowDecision.EarlierRun> found = new HashMap<>();
        List<String> ids = enabled ? rows.stream().filter(CheckedRow::isValid).map(row -> row.target().restoreJobId())
                .distinct().toList() : List.of();
        outcomes.finishedElsewhere(ids, instanceId, finished -> found.merge(finished.target(), new RowDecision.EarlierRun(
                finished.outcome(), finished.executionId(), finished.inputFile(), finished.lineNumber(), finished.recordedAt()),
                (a, b) -> a.recordedAt().isBefore(b.recordedAt()) ? a : b));
        known = found;
    }

    /** What an earlier run did to the target of this valid row, or {@code null}. */
    RowDecision.EarlierRun earlier(CheckedRow row) {
        return known.get(row.target());
    }
}
