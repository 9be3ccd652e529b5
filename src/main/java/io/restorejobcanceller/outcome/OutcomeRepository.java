package io.restorejobcanceller.outcome;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.restorejobcanceller.atlas.CancellationTarget;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The results table. Every write commits in a transaction of its own, independent of the chunk transaction,
 * so that an outcome, once its DELETE has been answered, survives a chunk rollback or a crash.
 */
@Repository
public class OutcomeRepository {

    /** The longest input path the results table keeps; longer ones are refused before a run starts. */
    public static final int INPUT_FILE_MAX_LENGTH = 1024;
    static final int DETAIL_MAX_LENGTH = 1000;
    static final int VALUE_MAX_LENGTH = 255;
    static final int ERROR_CODE_MAX_LENGTH = 100;
    private static final int LOOKUP_BATCH = 500;

    /** Outcomes committed together at most (those recorded while the commit before was under way). */
    private static final int MOST_COMMITTED_TOGETHER = 64;
    /**
     * How long a commit waits for other outcomes to join it: at 16 DELETEs in flight, 20 ms each, 800 outcomes a second
     * come, and one commit for several instead of one each is most of the CPU an H2 file costs (its store is rewritten
     * per commit). A row counts as done a few milliseconds later; its outcome is committed all the same before.
     */
    private static final Duration GATHER = Duration.ofMillis(5);

    private final JdbcClient jdbc;
    private final TransactionTemplate outsideChunkTransaction;
    private final TransactionTemplate ownTransaction;
    private final GroupCommit<OutcomeRecord> commits;

    public OutcomeRepository(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        // outside the chunk's transaction, on a connection of its own in auto-commit: the INSERT is its own transaction
        this.outsideChunkTransaction = new TransactionTemplate(transactionManager);
        this.outsideChunkTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        // outside the chunk's transaction too, the INSERTs of outcomes recorded at the same moment in one of their own
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.commits = new GroupCommit<>(records -> ownTransaction.executeWithoutResult(status -> records.forEach(this::insert)),
                r -> outsideChunkTransaction.executeWithoutResult(status -> insert(r)), MOST_COMMITTED_TOGETHER, GATHER);
    }

    /**
     * Returns once the outcome is committed; outcomes that several threads record at the same moment are committed
     * together ({@link GroupCommit}).
     */
    public void record(OutcomeRecord r) {
        commits.commit(r);
    }

    private void insert(OutcomeRecord r) {
        jdbc.sql("""
                INSERT INTO CANCELLATION_OUTCOME (JOB_EXECUTION_ID, JOB_INSTANCE_ID, INPUT_FILE, LINE_NUMBER, GROUP_ID,
                    CLUSTER_NAME, RESTORE_JOB_ID, OUTCOME, HTTP_STATUS, ERROR_CODE, DETAIL, ATTEMPTS, RECORDED_AT, DRY_RUN)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.jobExecutionId(), r.jobInstanceId(), cut(r.inputFile(), INPUT_FILE_MAX_LENGTH), r.lineNumber(),
                        cut(r.groupId(), VALUE_MAX_LENGTH), cut(r.clusterName(), VALUE_MAX_LENGTH),
                        cut(r.restoreJobId(), VALUE_MAX_LENGTH), r.outcome().name(), r.httpStatus(),
                        cut(r.errorCode(), ERROR_CODE_MAX_LENGTH), cut(r.detail(), DETAIL_MAX_LENGTH), r.attempts(),
                        r.recordedAt().atOffset(ZoneOffset.UTC), r.dryRun())
                .update();
    }

    /** Lines of the given range that already have their final outcome in this job instance. */
    public Set<Long> recordedLines(long jobInstanceId, long fromLine, long toLine) {
        return new HashSet<>(jdbc.sql("""
                SELECT LINE_NUMBER FROM CANCELLATION_OUTCOME
                WHERE JOB_INSTANCE_ID = ? AND LINE_NUMBER BETWEEN ? AND ?""")
                .params(jobInstanceId, fromLine, toLine)
                .query(Long.class)
                .list());
    }

    /** The lines of this job instance that ended FAILED (a retry sends them again). */
    public BitSet failedLines(long jobInstanceId) {
        BitSet lines = new BitSet();
        jdbc.sql("SELECT LINE_NUMBER FROM CANCELLATION_OUTCOME WHERE JOB_INSTANCE_ID = ? AND OUTCOME = 'FAILED'")
                .param(jobInstanceId)
                .query((RowCallbackHandler) rs -> lines.set(Math.toIntExact(rs.getLong(1))));
        return lines;
    }

    public Map<Outcome, Long> countsByOutcome(long jobInstanceId) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        jdbc.sql("SELECT OUTCOME, COUNT(*) FROM CANCELLATION_OUTCOME WHERE JOB_INSTANCE_ID = ? GROUP BY OUTCOME")
                .param(jobInstanceId)
                .query((rs, n) -> counts.put(Outcome.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    /** Rows of the job instance that Atlas answered (with any status): none, when the base URL reached nothing. */
    public long answered(long jobInstanceId) {
        return jdbc.sql("SELECT COUNT(*) FROM CANCELLATION_OUTCOME WHERE JOB_INSTANCE_ID = ? AND HTTP_STATUS IS NOT NULL")
                .param(jobInstanceId).query(Long.class).single();
    }

    /** A value the column always takes: NUL (which PostgreSQL refuses in text) shown as U+FFFD, cut to the column's length. */
    private static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String storable = value.replace('\0', '\uFFFD');
        return storable.length() <= max ? storable : storable.substring(0, max - 3) + "...";
    }

    /** A real run's row that finished a target: CANCELLED, or gone (NOT_FOUND, SKIPPED). */
    public record Finished(CancellationTarget target, Outcome outcome, long executionId, String inputFile, long lineNumber,
                           OffsetDateTime recordedAt) {
    }

    /**
     * The rows of other job instances' real runs that finished one of these restore jobs, looked up by restore job id
     * (indexed) in batches and passed to {@code each}.
     */
    public void finishedElsewhere(List<String> restoreJobIds, long exceptInstanceId, Consumer<Finished> each) {
        for (int from = 0; from < restoreJobIds.size(); from += LOOKUP_BATCH) {
            List<String> batch = restoreJobIds.subList(from, Math.min(restoreJobIds.size(), from + LOOKUP_BATCH));
            List<Object> params = new ArrayList<>(batch);
            params.add(exceptInstanceId);
            jdbc.sql("SELECT GROUP_ID, CLUSTER_NAME, RESTORE_JOB_ID, OUTCOME, JOB_EXECUTION_ID, INPUT_FILE, LINE_NUMBER, RECORDED_AT"
                            + " FROM CANCELLATION_OUTCOME WHERE RESTORE_JOB_ID IN (" + String.join(",", Collections.nCopies(batch.size(), "?"))
                            + ") AND JOB_INSTANCE_ID <> ? AND DRY_RUN = FALSE AND OUTCOME IN ('CANCELLED', 'NOT_FOUND', 'SKIPPED')")
                    .params(params)
                    .query((RowCallbackHandler) rs -> each.accept(new Finished(
                            new CancellationTarget(rs.getString(1), rs.getString(2), rs.getString(3)), Outcome.valueOf(rs.getString(4)),
                            rs.getLong(5), rs.getString(6), rs.getLong(7), rs.getObject(8, OffsetDateTime.class))));
        }
    }
}
