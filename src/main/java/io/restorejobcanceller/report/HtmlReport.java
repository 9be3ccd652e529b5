package io.restorejobcanceller.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.restorejobcanceller.outcome.Outcome;

import org.springframework.stereotype.Component;

/**
 * The report as one self-contained HTML page that opens from a file or a mail attachment: no network, no CDN (the
 * page's Content-Security-Policy allows its own script, by hash, and nothing else), charts as inline SVG, every value
 * escaped by the template engine (Mustache), so that a detail holding markup shows as text.
 */
@Component
class HtmlReport {

    private final Template template;
    private final String style;
    private final String script;
    private final Clock clock;

    HtmlReport(Clock clock) {
        this.clock = clock;
        this.template = Mustache.compiler().nullValue("-").compile(resource("report/report.html.mustache"));
        this.style = resource("report/report.css");
        this.script = resource("report/report.js");
    }

    void render(AuditReport report, PrintWriter out) {
        Map<String, Object> model = new HashMap<>();
        model.put("selection", report.selection().describe());
        model.put("database", report.database());
        model.put("firstRecorded", report.firstRecorded());
        model.put("lastRecorded", report.lastRecorded());
        model.put("runKind", report.runKind());
        model.put("anyDryRun", report.dryRunRows() > 0);
        model.put("generatedAt", clock.instant().truncatedTo(ChronoUnit.SECONDS));
        model.put("total", report.total());
        model.put("summary", report.summary());
        model.put("legend", Arrays.stream(Outcome.values()).map(Enum::name).toList());
        model.put("charts", List.of(
                BarChart.of("by-execution", "Outcomes per job execution", report.groups().get(Grouping.EXECUTION),
                        Comparator.comparingLong(Long::parseLong), key -> "execution " + key),
                BarChart.of("by-project", "Outcomes per project", report.groups().get(Grouping.PROJECT),
                        Comparator.nullsLast(Comparator.naturalOrder()), HtmlReport::projectLabel)));
        List<AuditReport.Group> errorCodes = report.groups().get(Grouping.ERROR_CODE).stream()
                .filter(g -> g.outcome().needsAttention()).toList();
        model.put("errorCodes", errorCodes);
        model.put("hasErrorCodes", !errorCodes.isEmpty());
        model.put("finds", report.finds());
        model.put("hasFinds", !report.finds().isEmpty());
        model.put("listed", String.join(", ", report.listed().stream().map(Enum::name).toList()));
        model.put("rowCount", report.rows().size());
        model.put("rows", report.rows());
        model.put("style", style);
        model.put("script", script);
        model.put("scriptHash", "sha256-" + sha256(script));
        template.execute(model, out);
    }

    private static String projectLabel(String groupId) {
        return groupId == null ? "(no project: invalid lines)" : groupId.isBlank() ? "(empty project id)" : "project " + groupId;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
