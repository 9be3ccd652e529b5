package io.restorejobcanceller.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.restorejobcanceller.outcome.Outcome;
import io.restorejobcanceller.outcome.OutcomeRecord;

/**
 * A report for people at a terminal: what was selected, from which database and runs, the counts, the "why" (counts
 * by error code with an example detail, or as {@code --by} asks) and the rows needing attention, within the width
 * given as far as prose allows. The input file is named once; long details and examples are cut with an ellipsis
 * (CSV, JSON and HTML keep them whole). Values that name something (codes, ids, files, clusters, projects) are never
 * cut: two different ones must never look the same, so a table too narrow for them is wider than asked.
 */
public final class TableReport {

    private static final String ELLIPSIS = "…";
    /** Columns of prose, the only ones cut to fit. */
    private static final Set<String> PROSE = Set.of("DETAIL", "EXAMPLE");
    private static final int PROSE_FLOOR = 12;

    private TableReport() {
    }

    static void render(AuditReport report, PrintWriter out, int width) {
        List<String> files = report.rows().stream().map(OutcomeRecord::inputFile).distinct().toList();
        out.println(fit("Report of " + cell(report.selection().describe()), width));
        out.println(fit("Database: " + cell(report.database()), width));
        if (report.total() == 0) {
            out.println("No rows recorded in this selection.");
            finds(report, out, width);
            return;
        }
        out.println(fit("Recorded " + report.firstRecorded() + " to " + report.lastRecorded() + "; " + report.runKind(), width));
        if (files.size() == 1 && report.selection().inputFile() == null) {
            out.println(fit("Input file: " + cell(files.get(0)), width));
        }
        out.println();
        List<List<String>> summary = new ArrayList<>();
        summary.add(List.of("OUTCOME", "ROWS"));
        report.summary().forEach(g -> summary.add(List.of(outcome(g.outcome(), g.dryRun()), String.valueOf(g.rows()))));
        summary.add(List.of("TOTAL", String.valueOf(report.total())));
        printFitted(summary, out, width);
        List<AuditReport.Group> breakdown = report.breakdown();
        if (!breakdown.isEmpty()) {
            out.println();
            out.println(report.selection().by() == null ? "Why: rows needing attention by error code"
                    : "By " + report.breakdownGrouping().typed());
            List<List<String>> lines = new ArrayList<>();
            lines.add(List.of(report.breakdownGrouping().name(), "OUTCOME", "ROWS", "EXAMPLE"));
            breakdown.forEach(g -> lines.add(List.of(cell(g.key()), outcome(g.outcome(), g.dryRun()),
                    String.valueOf(g.rows()), cell(g.example()))));
            printFitted(lines, out, width);
        }
        finds(report, out, width);
        out.println();
        String listed = report.listed().stream().map(Enum::name).collect(Collectors.joining(", "));
        out.println(fit("Rows with outcome " + listed + ": " + report.rows().size(), width));
        if (!report.rows().isEmpty()) {
            printFitted(rowLines(report, files.size() > 1), out, width);
        }
    }

    /** The finds beside the runs (by execution): when, scope, filters, counts, the file written and its SHA-256, the exit. */
    private static void finds(AuditReport report, PrintWriter out, int width) {
        if (report.finds().isEmpty()) {
            return;
        }
        out.println();
        out.println("Finds (restore jobs listed for cancel)");
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("EXECUTION", "STARTED", "SCOPE", "FILTERS", "SEEN", "LISTED", "LEFT_OUT", "OUTPUT", "SHA-256", "EXIT"));
        report.finds().forEach(f -> lines.add(Stream.of(f.executionId(), f.startedAt(), f.scope(), f.filters(), f.seen(), f.listed(),
                f.leftOut(), f.output(), f.sha256(), f.exitCode()).map(v -> cell(v == null ? null : v.toString())).toList()));
        printFitted(lines, out, width);
    }

    private static String outcome(Outcome outcome, boolean markedDryRun) {
        return outcome + (markedDryRun ? " (dry run)" : "");
    }

    /** The listed rows' columns: execution, file and kind of run only when they differ between rows. */
    private static List<List<String>> rowLines(AuditReport report, boolean severalFiles) {
        Map<String, Function<OutcomeRecord, Object>> columns = new LinkedHashMap<>();
        if (report.rows().stream().map(OutcomeRecord::jobExecutionId).distinct().count() > 1) {
            columns.put("EXECUTION", OutcomeRecord::jobExecutionId);
        }
        if (severalFiles) {
            columns.put("FILE", OutcomeRecord::inputFile);
        }
        columns.put("LINE", OutcomeRecord::lineNumber);
        columns.put("OUTCOME", r -> outcome(r.outcome(), r.dryRun() && report.dryRunRows() < report.total()));
        columns.put("GROUP_ID", OutcomeRecord::groupId);
        columns.put("CLUSTER_NAME", OutcomeRecord::clusterName);
        columns.put("RESTORE_JOB_ID", OutcomeRecord::restoreJobId);
        columns.put("HTTP", OutcomeRecord::httpStatus);
        columns.put("ERROR_CODE", OutcomeRecord::errorCode);
        columns.put("DETAIL", OutcomeRecord::detail);
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.copyOf(columns.keySet()));
        for (OutcomeRecord row : report.rows()) {
            lines.add(columns.values().stream().map(value -> value.apply(row)).map(cell -> cell(cell == null ? null : cell.toString())).toList());
        }
        return lines;
    }

    /**
     * A value on one line and harmless to a terminal: whitespace runs as one space, control and formatting characters
     * (ANSI escapes, CR, NUL, bidirectional overrides such as U+202E) shown escaped ({@code \u001b}), "-" for none.
     */
    public static String cell(String value) {
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
        return shown.toString();
    }

    public static void printAligned(List<List<String>> rows, PrintWriter out) {
        printFitted(rows, out, Integer.MAX_VALUE);
    }

    /**
     * Columns as wide as their widest cell; then, while the line is wider than {@code width}, the widest column of
     * prose (details, examples) gives up one character at a time, never below its heading or 12. A cut cell ends with
     * an ellipsis.
     */
    static void printFitted(List<List<String>> rows, PrintWriter out, int width) {
        List<String> headings = rows.get(0);
        int[] widths = new int[headings.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        while (lineWidth(widths) > width && narrow(widths, headings)) {
            // one character less per turn
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", fit(row.get(i), widths[i])));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** Takes a character from the widest prose column that can give one; false when none can. */
    private static boolean narrow(int[] widths, List<String> headings) {
        int widest = -1;
        for (int i = 0; i < widths.length; i++) {
            int floor = Math.max(PROSE_FLOOR, headings.get(i).length());
            if (PROSE.contains(headings.get(i)) && widths[i] > floor && (widest < 0 || widths[i] > widths[widest])) {
                widest = i;
            }
        }
        if (widest >= 0) {
            widths[widest]--;
        }
        return widest >= 0;
    }

    private static int lineWidth(int[] widths) {
        int sum = 2 * (widths.length - 1);
        for (int w : widths) {
            sum += w;
        }
        return sum;
    }

    /** The text, or as much of it as fits in {@code width} characters ending with an ellipsis. */
    static String fit(String text, int width) {
        return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + ELLIPSIS;
    }
}
