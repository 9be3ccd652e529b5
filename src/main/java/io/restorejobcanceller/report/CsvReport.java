package io.restorejobcanceller.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

import io.restorejobcanceller.outcome.OutcomeRecord;

/**
 * The listed rows as RFC 4180 CSV, safe to open in a spreadsheet: a cell that starts with {@code = + - @}, a tab or
 * a carriage return is prefixed with {@code '} so that it is shown as text, never evaluated as a formula.
 */
public final class CsvReport {

    private CsvReport() {
    }

    static void render(AuditReport report, PrintWriter out) {
        out.print(ReportFormat.COLUMNS.stream().map(ReportFormat.Column::name).collect(Collectors.joining(",")) + "\r\n");
        for (OutcomeRecord record : report.rows()) {
            out.print(row(ReportFormat.COLUMNS.stream().map(c -> c.text(record)).toList()) + "\r\n");
        }
    }

    /** Values as one CSV row, each made a safe cell ({@link #cell}), without the line end. */
    public static String row(List<?> values) {
        return values.stream().map(v -> cell(v == null ? null : v.toString())).collect(Collectors.joining(","));
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
