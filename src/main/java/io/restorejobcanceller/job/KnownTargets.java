package io.restorejobcanceller.job;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.restorejobcanceller.atlas.CancellationTarget;
import io.restorejobcanceller.input.CheckedRow;
import io.restorejobcanceller.outcome.Outcome;
import io.restorejobcanceller.sending.RowResult;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Scope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Memory across runs: a target that an earlier job instance's real run already finished ({@code CANCELLED}, or
 * {@code NOT_FOUND}/{@code SKIPPED}: gone) is not sent again; its row is {@code DUPLICATE}, naming the execution, file,
 * line and time. Looked up per chunk, by restore job id (indexed), in batches; {@code --resend-known} turns it off.
 */
@Component
@Scope("step")
public class KnownTargets {

    /** Job parameter (not identifying): send targets that earlier runs finished anyway. */
    public static final String RESEND_KNOWN = "resend-known";
    private static final int BATCH = 500;

    private record Earlier(Outcome outcome, long executionId, String inputFile, long lineNumber, OffsetDateTime recordedAt) {
    }

    private final JdbcClient jdbc;
    private final long instanceId;
    private final boolean enabled;
    private Map<CancellationTarget, Earlier> known = Map.of();

    public KnownTargets(JdbcClient jdbc, @Value("#{stepExecution}") StepExecution stepExecution,
                        @Value("#{jobParameters['" + RESEND_KNOWN + "']}") Boolean resendKnown) {
        this.jdbc = jdbc;
        this.instanceId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        this.enabled = !Boolean.TRUE.equals(resendKnown);
    }

    /** Looks up what earlier runs did to the valid targets of these rows. */
    public void newChunk(List<? extends CheckedRow> rows) {
        Map<CancellationTarget, Earlier> found = new HashMap<>();
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
                        var earlier = new Earlier(Outcome.valueOf(rs.getString(4)), rs.getLong(5), rs.getString(6), rs.getLong(7),
                                rs.getObject(8, OffsetDateTime.class));
                        found.merge(target, earlier, (a, b) -> a.recordedAt().isBefore(b.recordedAt()) ? a : b);
                    });
        }
        known = found;
    }

    /** The DUPLICATE outcome of a row whose target an earlier run finished, if so. */
    public Optional<RowResult> earlier(CheckedRow row) {
        Earlier earlier = row.isValid() ? known.get(row.target()) : null;
        return Optional.ofNullable(earlier).map(e -> RowResult.notSent(Outcome.DUPLICATE, "not sent: already " + e.outcome()
                + " by job execution " + e.executionId() + " (" + e.inputFile() + " line " + e.lineNumber() + ", "
                + e.recordedAt().toInstant() + "); --resend-known sends it anyway"));
    }
}
