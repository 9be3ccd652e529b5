package io.restorejobcanceller.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.restorejobcanceller.outcome.OutcomeRecord;
import tools.jackson.databind.json.JsonMapper;

/** The formats a report is rendered in: an aligned table for people, CSV and JSON for machines. */
public enum ReportFormat {
    TABLE, CSV, JSON;

    /** The row columns every format shows, in order; values are numbers or strings as JSON shows them. */
    static final List<Column> COLUMNS = List.of(
            new Column("JOB_EXECUTION_ID", OutcomeRecord::jobExecutionId),
            new Column("JOB_INSTANCE_ID", OutcomeRecord::jobInstanceId),
            new Column("INPUT_FILE", OutcomeRecord::inputFile),
            new Column("LINE_NUMBER", OutcomeRecord::lineNumber),
            new Column("GROUP_ID", OutcomeRecord::groupId),
            new Column("CLUSTER_NAME", OutcomeRecord::clusterName),
            new Column("RESTORE_JOB_ID", OutcomeRecord::restoreJobId),
            new Column("OUTCOME", r -> r.outcome().name()),
            new Column("HTTP_STATUS", OutcomeRecord::httpStatus),
            new Column("ERROR_CODE", OutcomeRecord::errorCode),
            new Column("ATTEMPTS", OutcomeRecord::attempts),
            new Column("RECORDED_AT", r -> r.recordedAt().toString()),
            new Column("DETAIL", OutcomeRecord::detail));

    /** A column of the results table: its name there, and how a record's value is read. */
    record Column(String name, Function<OutcomeRecord, Object> value) {

        /** The value as text, {@code null} when absent. */
        String text(OutcomeRecord record) {
            Object v = value.apply(record);
            return v == null ? null : v.toString();
        }

        /** The name as a JSON key: {@code JOB_EXECUTION_ID} is {@code jobExecutionId}. */
        String jsonKey() {
            StringBuilder key = new StringBuilder();
            for (String word : name.toLowerCase(Locale.ROOT).split("_")) {
                key.append(key.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
            }
            return key.toString();
        }
    }

    public void render(AuditReport report, PrintWriter out, JsonMapper json) {
        switch (this) {
            case TABLE -> TableReport.render(report, out);
            case CSV -> CsvReport.render(report, out);
            case JSON -> JsonReport.render(report, out, json);
        }
        out.flush();
    }
}
