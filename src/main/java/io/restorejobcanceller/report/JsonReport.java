package io.restorejobcanceller.report;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restorejobcanceller.outcome.OutcomeRecord;
import tools.jackson.databind.json.JsonMapper;

/** The whole report as one JSON document: selection, summary and listed rows. */
final class JsonReport {

    private JsonReport() {
    }

    static void render(AuditReport report, PrintWriter out, JsonMapper json) {
        Map<String, Object> selection = new LinkedHashMap<>();
        selection.put("executionId", report.selection().executionId());
        selection.put("since", report.selection().since() == null ? null : report.selection().since().toString());
        selection.put("listedOutcomes", report.listed().stream().map(Enum::name).toList());
        Map<String, Long> summary = new LinkedHashMap<>();
        report.summary().forEach((outcome, count) -> summary.put(outcome.name(), count));
        List<Map<String, Object>> rows = report.rows().stream().map(JsonReport::row).toList();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("database", report.database());
        document.put("selection", selection);
        document.put("summary", summary);
        document.put("rows", rows);
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(document));
    }

    private static Map<String, Object> row(OutcomeRecord record) {
        Map<String, Object> row = new LinkedHashMap<>();
        ReportFormat.COLUMNS.forEach(column -> row.put(column.jsonKey(), column.value().apply(record)));
        return row;
    }
}
