package io.restorejobcanceller.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import io.restorejobcanceller.testing.AtlasLists;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The finds beside the cancellations: a find writes tonight's file (execution 1), cancel runs it (execution 2), another
 * find writes a file nobody cancels (execution 3); {@code report --by=execution} and {@code query} show the finds. On H2
 * and on PostgreSQL (a subclass each).
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class FindRunsReportContract {

    private static final String PAYMENTS = "6a0000000000000000000001";
    private static final String ORDERS = "6a0000000000000000000002";

    private Path tonight;
    private Path other;
    private String sha256;

    protected abstract CancellerHarness canceller();

    @BeforeEach
    void findThenCancel() throws Exception {
        CancellerHarness canceller = canceller();
        canceller.with("--canceller.atlas.read-timeout=30s");
        new AtlasLists().project(PAYMENTS, "payments", "Cluster0").project(ORDERS, "orders", "Cluster0")
                .restoreJobs(PAYMENTS, "Cluster0", IntStream.rangeClosed(1, 3)
                        .mapToObj(n -> AtlasLists.job("%024x".formatted(0x7b000000L + n), "download", "running", "2026-11-25T00:00:00Z")).toList())
                .restoreJobs(ORDERS, "Cluster0", List.of(AtlasLists.job("%024x".formatted(0x7b000010L), "automated", "running", "2026-11-25T00:00:00Z")))
                .serveOn(canceller.atlas().server(), canceller.atlas().baseUrl());
        tonight = canceller.directory().resolve("tonight.csv");
        other = canceller.directory().resolve("other.csv");
        assertThat(canceller.run("find", "--all-projects", "--snapshot-after", "2026-11-01", "--output", tonight.toString())).isZero();
        sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(tonight)));
        assertThat(canceller.run("cancel", tonight.toString())).isZero();
        assertThat(canceller.run("find", "--project", ORDERS, "--output", other.toString())).isZero();
    }

    @Test
    void theReportOfARunShowsTheFindThatWroteItsFile(CapturedOutput output) {
        // when: the default selection, the latest run (the cancel)
        int before = output.getOut().length();
        int exitCode = canceller().run("report", "--by=execution", "--format=json");

        // then: its find, tied by the file's SHA-256, and not the other find
        assertThat(exitCode).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(output.getOut().substring(before));
        assertThat(report.get("groups").get("groups")).singleElement()
                .satisfies(group -> assertThat(group.get("key").asString()).isEqualTo("2"));
        JsonNode find = report.get("finds").get(0);
        assertThat(report.get("finds")).hasSize(1);
        assertThat(find.get("executionId").asLong()).isEqualTo(1);
        assertThat(find.get("startedAt").asString()).isNotBlank();
        assertThat(find.get("scope").asString()).isEqualTo("--all-projects");
        assertThat(find.get("filters").asString()).isEqualTo("--snapshot-after 2026-11-01T00:00:00Z");
        assertThat(List.of(find.get("seen").asLong(), find.get("listed").asLong(), find.get("leftOut").asLong())).containsExactly(4L, 3L, 1L);
        assertThat(find.get("output").asString()).isEqualTo(tonight.toAbsolutePath().toString());
        assertThat(find.get("sha256").asString()).isEqualTo(sha256);
        assertThat(find.get("exitCode").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void aReportOfANightShowsEveryFindBesideTheRuns(CapturedOutput output) {
        // when
        int exitCode = canceller().run("report", "--by=execution", "--since=2000-01-01");

        // then
        assertThat(exitCode).isZero();
        List<String> lines = output.getOut().lines().toList();
        int finds = lines.indexOf("Finds (restore jobs listed for cancel)");
        assertThat(finds).isPositive();
        assertThat(lines.get(finds + 1)).matches("EXECUTION +STARTED +SCOPE +FILTERS +SEEN +LISTED +LEFT_OUT +OUTPUT +SHA-256 +EXIT");
        assertThat(lines.get(finds + 2)).matches("1 +\\S+ +--all-projects +--snapshot-after 2026-11-01T00:00:00Z +4 +3 +1 +"
                + tonight.toAbsolutePath() + " +" + sha256 + " +COMPLETED");
        assertThat(lines.get(finds + 3)).matches("3 +\\S+ +--project " + ORDERS + " +no filter +1 +0 +1 +" + other.toAbsolutePath()
                + " +[0-9a-f]{64} +COMPLETED");
    }

    @Test
    void theHtmlReportHasTheFindsBesideTheRuns() throws Exception {
        // given
        Path page = canceller().directory().resolve("night.html");

        // when
        int exitCode = canceller().run("report", "--since=2000-01-01", "--format=html", "--output", page.toString());

        // then
        assertThat(exitCode).isZero();
        String html = Files.readString(page);
        assertThat(html.substring(html.indexOf("<table id=\"finds\""))).contains("<td>1</td>").contains("<td>--all-projects</td>")
                .contains("<td>" + tonight.toAbsolutePath() + "</td><td>" + sha256 + "</td><td>COMPLETED</td>").contains("<td>3</td>");
    }

    @Test
    void queryReadsTheFindsFromTheirView(CapturedOutput output) {
        // when
        int exitCode = canceller().run("query", "SELECT JOB_EXECUTION_ID, SCOPE, RESTORE_JOBS_SEEN, LISTED, LEFT_OUT, SHA256 FROM FIND_RUN"
                + " ORDER BY JOB_EXECUTION_ID", "--format=csv");

        // then (a cell starting with '-' is quoted for spreadsheets)
        assertThat(exitCode).isZero();
        assertThat(output.getOut()).contains("1,'--all-projects,4,3,1," + sha256).contains("3,'--project " + ORDERS + ",1,0,1,");
    }
}
