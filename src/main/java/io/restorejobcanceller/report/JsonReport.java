package io.restorejobcanceller.report;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restorejobcanceller.outcome.OutcomeRecord;
import tools.jackson.databind.json.JsonMapper;

/** The whole report as one JSON document: selection, time range, counts, groups and listed rows. */
final class JsonReport {

    private JsonReport() {
    }

    static void render(AuditReport report, PrintWriter out, JsonMapper json) {
        AuditSelection chosen = report.selection();
        Map<String, Object> selection = new LinkedHashMap<>();
        selection.put("description", chosen.describe());
        selection.put("executionId", chosen.executionId());
        selection.put("instanceId", chosen.instanceId());
        selection.put("inputFile", chosen.inputFile());
        selection.put("since", chosen.since() == null ? null : chosen.since().toString());
        selection.put("listedOutcomes", report.listed().stream().map(Enum::name).toList());
        Map<String, Long> summary = new LinkedHashMap<>();
        report.summary().forEach(group -> summary.merge(group.outcome().name(), group.rows(), Long::sum));
        Map<String, Object> groups = new LinkedHashMap<>();
        groups.put("by", report.breakdownGrouping().typed());
        groups.put("needingAttentionOnly", chosen.by() == null);
        groups.put("groups", report.breakdown().stream().map(JsonReport::group).toList());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("database", report.database());
        document.put("selection", selection);
        document.put("firstRecorded", report.firstRecorded() == null ? null : report.firstRecorded().toString());
        document.put("lastRecorded", report.lastRecorded() == null ? null : report.lastRecorded().toString());
        document.put("total", report.total());
        document.put("dryRunRows", report.dryRunRows());
        document.put("summary", summary);
        document.put("groups", groups);
        document.put("rows", report.rows().stream().map(JsonReport::row).toList());
        if (report.breakdownGrouping() == Grouping.EXECUTION) {
            document.put("finds", report.finds());
        }
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(document));
    }

    private static Map<String, Object> group(AuditReport.Group group) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("key", group.key());
        fields.put("outcome", group.outcome().name());
        fields.put("dryRun", group.dryRun());
        fields.put("rows", group.rows());
        fields.put("exampleDetail", group.example());
        return fields;
    }

    private static Map<String, Object> row(OutcomeRecord record) {
        Map<String, Object> row = new LinkedHashMap<>();
        ReportFormat.COLUMNS.forEach(column -> row.put(column.jsonKey(), column.value().apply(record)));
        return row;
    }
}
