package io.restorejobcanceller.report;

import java.io.PrintWriter;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** Renders a report in a format; {@code width} is the table's (the terminal's, or 120 columns). */
@Component
class ReportWriter {

    private final JsonMapper json;
    private final HtmlReport html;

    public ReportWriter(JsonMapper json, HtmlReport html) {
        this.json = json;
        this.html = html;
    }

    public void write(ReportFormat format, AuditReport report, PrintWriter out, int width) {
        switch (format) {
            case TABLE -> TableReport.render(report, out, width);
            case CSV -> CsvReport.render(report, out);
            case JSON -> JsonReport.render(report, out, json);
            case HTML -> html.render(report, out);
            case TARGETS -> TargetsReport.render(report, out);
        }
        out.flush();
    }
}
