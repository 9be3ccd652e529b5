package io.restorejobcanceller.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.restorejobcanceller.job.CancellationJobConfiguration;
import io.restorejobcanceller.outcome.Outcome;
import io.restorejobcanceller.outcome.OutcomeRecord;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The read side of the results table, for reports: what exists, and what a selection holds. */
@Repository
class AuditQueries {

    private final JdbcClient jdbc;

    public AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> latestExecutionId() {
        return jdbc.sql("SELECT MAX(JOB_EXECUTION_ID) FROM CANCELLATION_OUTCOME").query(Long.class).optional();
    }

    /** The job instance of the latest execution that recorded anything: what a run's summary just counted. */
    public Optional<Long> latestInstanceId() {
        return jdbc.sql("SELECT JOB_INSTANCE_ID FROM CANCELLATION_OUTCOME WHERE JOB_EXECUTION_ID = "
                + "(SELECT MAX(JOB_EXECUTION_ID) FROM CANCELLATION_OUTCOME) FETCH FIRST 1 ROWS ONLY").query(Long.class).optional();
    }

    public boolean executionExists(long id) {
        return exists("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", id);
    }

    public boolean instanceExists(long id) {
        return exists("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_INSTANCE_ID = ?", id);
    }

    public boolean inputFileExists(String path) {
        return exists("SELECT COUNT(*) FROM CANCELLATION_OUTCOME WHERE INPUT_FILE = ?", path);
    }

    private boolean exists(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single() > 0;
    }

    /** The report of a selection with these groupings counted, naming the database it was read from. */
    public AuditReport load(AuditSelection selection, Set<Grouping> groupings, String database) {
        List<Object> params = new ArrayList<>();
        String where = selection.where(params);
        Instant[] range = jdbc.sql("SELECT MIN(RECORDED_AT), MAX(RECORDED_AT) FROM CANCELLATION_OUTCOME" + where).params(params)
                .query((rs, n) -> new Instant[] {instant(rs, 1), instant(rs, 2)}).single();
        Map<Grouping, List<AuditReport.Group>> groups = new EnumMap<>(Grouping.class);
        for (Grouping grouping : groupings) {
            groups.put(grouping, groups(grouping, where, params));
        }
        List<OutcomeRecord> rows = selection.listed().isEmpty() ? List.of() : jdbc.sql("SELECT * FROM CANCELLATION_OUTCOME"
                        + where + " AND OUTCOME IN (" + String.join(", ", selection.listed().stream().map(o -> "'" + o.name() + "'").toList())
                        + ") ORDER BY JOB_EXECUTION_ID, INPUT_FILE, LINE_NUMBER")
                .params(params).query(AuditQueries::toRecord).list();
        List<AuditReport.Group> summary = Optional.ofNullable(groups.get(Grouping.OUTCOME))
                .orElseGet(() -> groups(Grouping.OUTCOME, where, params));
        List<FindRun> finds = groupings.contains(Grouping.EXECUTION) ? finds(selection) : List.of();
        return new AuditReport(database, selection, range[0], range[1], summary, groups, rows, finds);
    }

    /**
     * The finds beside the selected runs: those the selection names itself (with no filter, every find), and those
     * that wrote a file the selected rows were read from (the file's SHA-256 is the cancel's {@code input.sha256}).
     */
    private List<FindRun> finds(AuditSelection selection) {
        List<Object> params = new ArrayList<>();
        String own = selection.findWhere(params);
        String rows = selection.where(params);
        return jdbc.sql("SELECT * FROM FIND_RUN WHERE " + own + " OR SHA256 IN (SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS"
                        + " WHERE PARAMETER_NAME = '" + CancellationJobConfiguration.INPUT_SHA256 + "' AND JOB_EXECUTION_ID IN"
                        + " (SELECT JOB_EXECUTION_ID FROM CANCELLATION_OUTCOME" + rows + ")) ORDER BY JOB_EXECUTION_ID")
                .params(params)
                .query((rs, n) -> new FindRun(rs.getLong("JOB_EXECUTION_ID"), localInstant(rs, "STARTED_AT"), rs.getString("SCOPE"),
                        rs.getString("FILTERS"), count(rs, "RESTORE_JOBS_SEEN"), count(rs, "LISTED"), count(rs, "LEFT_OUT"),
                        rs.getString("OUTPUT_FILE"), rs.getString("SHA256"), rs.getString("STATUS"), rs.getString("EXIT_CODE")))
                .list();
    }

    private static Long count(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** A time Spring Batch recorded (in the local time zone, without one). */
    private static Instant localInstant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.atZone(ZoneId.systemDefault()).toInstant();
    }

    /** Counts per key, outcome and kind of run, largest first, each with an example detail. */
    private List<AuditReport.Group> groups(Grouping grouping, String where, List<Object> params) {
        String key = grouping.expression();
        return jdbc.sql("SELECT " + key + ", OUTCOME, DRY_RUN, COUNT(*), MIN(DETAIL) FROM CANCELLATION_OUTCOME" + where
                        + " GROUP BY " + key + ", OUTCOME, DRY_RUN ORDER BY COUNT(*) DESC, 1, 2")
                .params(params)
                .query((rs, n) -> new AuditReport.Group(rs.getString(1), Outcome.valueOf(rs.getString(2)), rs.getBoolean(3),
                        rs.getLong(4), rs.getString(5)))
                .list();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OutcomeRecord toRecord(ResultSet rs, int rowNum) throws SQLException {
        Integer httpStatus = rs.getObject("HTTP_STATUS") == null ? null : rs.getInt("HTTP_STATUS");
        return new OutcomeRecord(rs.getLong("JOB_EXECUTION_ID"), rs.getLong("JOB_INSTANCE_ID"), rs.getString("INPUT_FILE"),
                rs.getLong("LINE_NUMBER"), rs.getString("GROUP_ID"), rs.getString("CLUSTER_NAME"),
                rs.getString("RESTORE_JOB_ID"), Outcome.valueOf(rs.getString("OUTCOME")), httpStatus,
                rs.getString("ERROR_CODE"), rs.getString("DETAIL"), rs.getInt("ATTEMPTS"),
                rs.getObject("RECORDED_AT", OffsetDateTime.class).toInstant(), rs.getBoolean("DRY_RUN"));
    }
}
