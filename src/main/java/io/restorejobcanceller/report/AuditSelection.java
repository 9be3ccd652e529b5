package io.restorejobcanceller.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
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

    /** The SQL condition of the filters on the results table, with its parameters appended to {@code params}. */
    String where(List<Object> params) {
        return " WHERE 1 = 1" + conditions("JOB_EXECUTION_ID", "JOB_INSTANCE_ID", "INPUT_FILE", "RECORDED_AT",
                since == null ? null : since.atOffset(ZoneOffset.UTC), params);
    }

    /**
     * The same filters on the view of the finds (db/migration V7): the execution, the instance, the file it wrote, and
     * its start since (Spring Batch records its times in the local time zone).
     */
    String findWhere(List<Object> params) {
        return "1 = 1" + conditions("JOB_EXECUTION_ID", "JOB_INSTANCE_ID", "OUTPUT_FILE", "STARTED_AT",
                since == null ? null : LocalDateTime.ofInstant(since, ZoneId.systemDefault()), params);
    }

    private String conditions(String execution, String instance, String file, String time, Object sinceValue, List<Object> params) {
        StringBuilder where = new StringBuilder();
        if (executionId != null) {
            where.append(" AND ").append(execution).append(" = ?");
            params.add(executionId);
        }
        if (instanceId != null) {
            where.append(" AND ").append(instance).append(" = ?");
            params.add(instanceId);
        }
        if (inputFile != null) {
            where.append(" AND ").append(file).append(" = ?");
            params.add(inputFile);
        }
        if (since != null) {
            where.append(" AND ").append(time).append(" >= ?");
            params.add(sinceValue);
        }
        return where.toString();
    }
}
