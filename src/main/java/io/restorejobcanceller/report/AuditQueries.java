package io.restorejobcanceller.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.restorejobcanceller.outcome.Outcome;
import io.restorejobcanceller.outcome.OutcomeRecord;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The read side of the results table, for reports. */
@Repository
public class AuditQueries {

    private final JdbcClient jdbc;

    public AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public OptionalLong latestExecutionId() {
        Long id = jdbc.sql("SELECT MAX(JOB_EXECUTION_ID) FROM CANCELLATION_OUTCOME").query(Long.class).optional().orElse(null);
        return id == null ? OptionalLong.empty() : OptionalLong.of(id);
    }

    /** The report of a selection, naming the database it was read from. */
    public AuditReport load(AuditSelection selection, String database) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (selection.executionId() != null) {
            where.append(" AND JOB_EXECUTION_ID = ?");
            params.add(selection.executionId());
        }
        if (selection.since() != null) {
            where.append(" AND RECORDED_AT >= ?");
            params.add(selection.since().atOffset(ZoneOffset.UTC));
        }
        Map<Outcome, Long> summary = new EnumMap<>(Outcome.class);
        jdbc.sql("SELECT OUTCOME, COUNT(*) FROM CANCELLATION_OUTCOME" + where + " GROUP BY OUTCOME").params(params)
                .query((rs, n) -> summary.put(Outcome.valueOf(rs.getString(1)), rs.getLong(2))).list();
        List<OutcomeRecord> rows = selection.listed().isEmpty() ? List.of() : jdbc.sql("SELECT * FROM CANCELLATION_OUTCOME"
                        + where + " AND OUTCOME IN (" + String.join(", ", selection.listed().stream().map(o -> "'" + o.name() + "'").toList())
                        + ") ORDER BY JOB_EXECUTION_ID, INPUT_FILE, LINE_NUMBER")
                .params(params).query(AuditQueries::toRecord).list();
        return new AuditReport(database, selection, summary, rows);
    }

    private static OutcomeRecord toRecord(ResultSet rs, int rowNum) throws SQLException {
        Integer httpStatus = rs.getObject("HTTP_STATUS") == null ? null : rs.getInt("HTTP_STATUS");
        return new OutcomeRecord(rs.getLong("JOB_EXECUTION_ID"), rs.getLong("JOB_INSTANCE_ID"), rs.getString("INPUT_FILE"),
                rs.getLong("LINE_NUMBER"), rs.getString("GROUP_ID"), rs.getString("CLUSTER_NAME"),
                rs.getString("RESTORE_JOB_ID"), Outcome.valueOf(rs.getString("OUTCOME")), httpStatus,
                rs.getString("ERROR_CODE"), rs.getString("DETAIL"), rs.getInt("ATTEMPTS"),
                rs.getObject("RECORDED_AT", OffsetDateTime.class).toInstant());
    }
}
