package io.restorejobcanceller.query;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restorejobcanceller.report.CsvReport;
import io.restorejobcanceller.report.ReportFormat;
import io.restorejobcanceller.report.TableReport;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** A query's result written in a report format: an aligned table, RFC 4180 CSV, or a JSON array of row objects. */
final class QueryOutput {

    private QueryOutput() {
    }

    static QuerySink of(ReportFormat format, PrintWriter out, JsonMapper json) {
        return switch (format) {
            case TABLE -> new Table(out);
            case CSV -> new Csv(out);
            case JSON -> new Json(out, json);
            case HTML, TARGETS -> throw new IllegalArgumentException(format + " is no format for query results");
        };
    }

    /** Collects the rows, since column widths depend on all of them: so many at most. */
    private static final class Table implements QuerySink {
        private static final int MAX_TABLE_ROWS = 10_000;
        private final PrintWriter out;
        private final List<List<String>> lines = new ArrayList<>();

        Table(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void columns(List<String> names) {
            lines.add(names);
        }

        @Override
        public void row(List<Object> values) {
            if (lines.size() > MAX_TABLE_ROWS) {
                throw new RefusedQueryException("the query gives more than " + MAX_TABLE_ROWS + " rows, more than a table"
                        + " (which holds every row to align them) prints: use --format=csv or --format=json, which stream,"
                        + " or narrow it (WHERE, LIMIT)");
            }
            lines.add(values.stream().map(v -> TableReport.cell(v == null ? null : v.toString())).toList());
        }

        @Override
        public void end() {
            TableReport.printAligned(lines, out);
            int rows = lines.size() - 1;
            out.println("(" + rows + (rows == 1 ? " row)" : " rows)"));
            out.flush();
        }
    }

    private static final class Csv implements QuerySink {
        private final PrintWriter out;

        Csv(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void columns(List<String> names) {
            line(names);
        }

        @Override
        public void row(List<Object> values) {
            line(values);
        }

        private void line(List<?> values) {
            out.print(CsvReport.row(values) + "\r\n");
        }

        @Override
        public void end() {
            out.flush();
        }
    }

    /** Streams the array, so that a large result is never held whole. */
    private static final class Json implements QuerySink {
        private final PrintWriter out;
        private final JsonGenerator generator;
        private List<String> names;

        Json(PrintWriter out, JsonMapper json) {
            this.out = out;
            this.generator = json.writerWithDefaultPrettyPrinter().createGenerator(out);
        }

        @Override
        public void columns(List<String> names) {
            this.names = names;
            generator.writeStartArray();
        }

        @Override
        public void row(List<Object> values) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                row.put(names.get(i), values.get(i));
            }
            generator.writePOJO(row);
        }

        @Override
        public void end() {
            generator.writeEndArray();
            generator.flush();
            out.println();
            out.flush();
        }
    }
}
