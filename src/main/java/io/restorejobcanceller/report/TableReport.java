package io.restorejobcanceller.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.restorejobcanceller.outcome.Outcome;
import io.restorejobcanceller.outcome.OutcomeRecord;

/** An aligned, human-readable report; long details are cut so that a row stays on one line. */
final class TableReport {

    private static final int DETAIL_WIDTH = 80;

    private TableReport() {
    }

    static void render(AuditReport report, PrintWriter out) {
        out.println("Report of " + report.selection().describe() + " in " + report.database());
        long total = report.summary().values().stream().mapToLong(Long::longValue).sum();
        List<List<String>> summary = new ArrayList<>();
        summary.add(List.of("OUTCOME", "ROWS"));
        for (Map.Entry<Outcome, Long> e : report.summary().entrySet()) {
            summary.add(List.of(e.getKey().name(), String.valueOf(e.getValue())));
        }
        summary.add(List.of("TOTAL", String.valueOf(total)));
        printAligned(summary, out);
        out.println();
        String listed = report.listed().stream().map(Enum::name).collect(Collectors.joining(", "));
        out.println("Rows with outcome " + listed + ": " + report.rows().size());
        if (report.rows().isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(ReportFormat.COLUMNS.stream().map(ReportFormat.Column::name).toList());
        for (OutcomeRecord record : report.rows()) {
            rows.add(ReportFormat.COLUMNS.stream().map(c -> cell(c, record)).toList());
        }
        printAligned(rows, out);
    }

    private static String cell(ReportFormat.Column column, OutcomeRecord record) {
        return cell(column.text(record));
    }

    /**
     * A value on one line and harmless to a terminal: whitespace runs as one space, control and formatting characters
     * (ANSI escapes, CR, NUL, bidirectional overrides such as U+202E) shown escaped ({@code \u001b}), cut at
     * {@value #DETAIL_WIDTH} characters, "-" for none.
     */
    static String cell(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder shown = new StringBuilder();
        value.replaceAll("[ \t\n]+", " ").codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        String line = shown.toString();
        return line.length() > DETAIL_WIDTH ? line.substring(0, DETAIL_WIDTH - 3) + "..." : line;
    }

    static void printAligned(List<List<String>> rows, PrintWriter out) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
