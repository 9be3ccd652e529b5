package io.restorejobcanceller.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

import io.restorejobcanceller.outcome.OutcomeRecord;

/** The formats a report is rendered in: an aligned table for people, CSV and JSON for machines. */
public enum ReportFormat {
    TABLE, CSV, JSON;

    /** The row columns every format shows, in order. */
    static final List<Column> COLUMNS = List.of(
            new Column("JOB_EXECUTION_ID", r -> String.valueOf(r.jobExecutionId())),
            new Column("INPUT_FILE", OutcomeRecord::inputFile),
            new Column("LINE_NUMBER", r -> String.valueOf(r.lineNumber())),
            new Column("GROUP_ID", OutcomeRecord::groupId),
            new Column("CLUSTER_NAME", OutcomeRecord::clusterName),
            new Column("RESTORE_JOB_ID", OutcomeRecord::restoreJobId),
            new Column("OUTCOME", r -> r.outcome().name()),
            new Column("HTTP_STATUS", r -> r.httpStatus() == null ? null : String.valueOf(r.httpStatus())),
            new Column("ERROR_CODE", OutcomeRecord::errorCode),
            new Column("ATTEMPTS", r -> String.valueOf(r.attempts())),
            new Column("RECORDED_AT", r -> r.recordedAt().toString()),
            new Column("DETAIL", OutcomeRecord::detail));

    record Column(String name, Function<OutcomeRecord, String> value) {
    }

    public void render(AuditReport report, PrintWriter out, tools.jackson.databind.json.JsonMapper json) {
        switch (this) {
            case TABLE -> TableReport.render(report, out);
            case CSV -> CsvReport.render(report, out);
            case JSON -> JsonReport.render(report, out, json);
        }
        out.flush();
    }
}
