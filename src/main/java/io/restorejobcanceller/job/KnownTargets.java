package io.restorejobcanceller.job;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restorejobcanceller.atlas.CancellationTarget;
import io.restorejobcanceller.input.CheckedRow;
import io.restorejobcanceller.outcome.Outcome;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Memory across runs: a target that an earlier job instance's real run already finished ({@code CANCELLED}, or
 * {@code NOT_FOUND}/{@code SKIPPED}: gone) is not sent again; its row is {@code DUPLICATE}, naming the execution, file,
 * line and time ({@link RowDecision}). Looked up per chunk, by restore job id (indexed), in batches;
 * {@code --resend-known} turns it off.
 */
public final class KnownTargets {

    /** Job parameter (not identifying): send targets that earlier runs finished anyway. */
    public static final String RESEND_KNOWN = "resend-known";
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final long instanceId;
    private final boolean enabled;
    private Map<CancellationTarget, RowDecision.EarlierRun> known = Map.of();

    KnownTargets(JdbcClient jdbc, RunParameters run) {
        this.jdbc = jdbc;
        this.instanceId = run.jobInstanceId();
        this.enabled = !run.resendKnown();
    }

    /** Looks up what earlier runs did to the valid targets of these rows. */
    void newChunk(List<? extends CheckedRow> rows) {
        Map<CancellationTarget, RowDecision.EarlierRun> found = new HashMap<>();
        List<String> ids = enabled ? rows.stream().filter(CheckedRow::isValid).map(row -> row.target().restoreJobId())
                .distinct().toList() : List.of();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            List<Object> params = new ArrayList<>(batch);
            params.add(instanceId);
            jdbc.sql("SELECT GROUP_ID, CLUSTER_NAME, RESTORE_JOB_ID, OUTCOME, JOB_EXECUTION_ID, INPUT_FILE, LINE_NUMBER, RECORDED_AT"
                            + " FROM CANCELLATION_OUTCOME WHERE RESTORE_JOB_ID IN (" + String.join(",", Collections.nCopies(batch.size(), "?"))
                            + ") AND JOB_INSTANCE_ID <> ? AND DRY_RUN = FALSE AND OUTCOME IN ('CANCELLED', 'NOT_FOUND', 'SKIPPED')")
                    .params(params)
                    .query((RowCallbackHandler) rs -> {
                        var target = new CancellationTarget(rs.getString(1), rs.getString(2), rs.getString(3));
                        var earlier = new RowDecision.EarlierRun(Outcome.valueOf(rs.getString(4)), rs.getLong(5), rs.getString(6), rs.getLong(7),
                                rs.getObject(8, OffsetDateTime.class));
                        found.merge(target, earlier, (a, b) -> a.recordedAt().isBefore(b.recordedAt()) ? a : b);
                    });
        }
        known = found;
    }

    /** What an earlier run did to the target of this valid row, or {@code null}. */
    RowDecision.EarlierRun earlier(CheckedRow row) {
        return known.get(row.target());
    }
}
