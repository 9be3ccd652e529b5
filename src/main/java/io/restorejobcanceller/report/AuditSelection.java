package io.restorejobcanceller.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.restorejobcanceller.outcome.Outcome;

/**
 * Which rows a report covers (every filter given, combined: one job execution, one job instance, every execution of
 * one input file, rows recorded since an instant), which outcomes it lists row by row (its counts cover every
 * outcome), and what the counts are grouped by ({@code null}: by error code, for the rows needing attention).
 */
record AuditSelection(Long executionId, Long instanceId, String inputFile, Instant since, Set<Outcome> listed,
                             Grouping by) {

    public String describe() {
        List<String> parts = new ArrayList<>();
        if (instanceId != null) {
            parts.add("job instance " + instanceId);
        }
        if (executionId != null) {
            parts.add("job execution " + executionId);
        }
        if (inputFile != null) {
            parts.add("input file " + inputFile);
        }
        if (since != null) {
            parts.add("recorded since " + since);
        }
        return parts.isEmpty() ? "every row" : String.join(", ", parts);
    }

    /** A one-line name of the selection, for comments and headers: {@code job instance 3, outcome FAILED}. */
    public String describeWithOutcomes() {
        return describe() + ", outcome " + listed.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    /** The SQL condition of the filters, with its parameters appended to {@code params}. */
    String where(List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (executionId != null) {
            where.append(" AND JOB_EXECUTION_ID = ?");
            params.add(executionId);
        }
        if (instanceId != null) {
            where.append(" AND JOB_INSTANCE_ID = ?");
            params.add(instanceId);
        }
        if (inputFile != null) {
            where.append(" AND INPUT_FILE = ?");
            params.add(inputFile);
        }
        if (since != null) {
            where.append(" AND RECORDED_AT >= ?");
            params.add(since.atOffset(ZoneOffset.UTC));
        }
        return where.toString();
    }
}
