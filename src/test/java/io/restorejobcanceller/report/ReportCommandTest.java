package io.restorejobcanceller.report;

import static io.restorejobcanceller.testing.Targets.path;
import static io.restorejobcanceller.testing.Targets.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.Targets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The audit report in each format, over the outcomes of a real run. */
@ExtendWith(OutputCaptureExtension.class)
class ReportCommandTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"x\")";

    @BeforeEach
    void runAJobWithEveryKindOfOutcome() {
        atlas.answer(path(2), AtlasStub.apiError(405, "ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED",
                "Method Not Allowed", "Cannot cancel, a sharded cluster restore job."));
        atlas.answer(path(3), AtlasStub.apiError(404, "RESOURCE_NOT_FOUND", "Not Found", "gone"));
        Path input = canceller.file("in.csv", "groupId,clusterName,restoreJobId\n" + row(1) + "\n" + row(2) + "\n" + row(3)
                + "\n" + Targets.GROUP + ",\"" + FORMULA.replace("\"", "\"\"") + "\"," + Targets.job(4) + "\n" + row(1) + "\n");
        assertThat(canceller.run("cancel", input.toString())).isEqualTo(3);
    }

    @Test
    void aTableShowsTheSummaryAndTheRowsNeedingAttention(CapturedOutput output) throws Exception {
        // when
        int exitCode = canceller.run("report");

        // then
        assertThat(exitCode).isZero();
        String out = output.getOut().substring(output.getOut().indexOf("Report of"));
        assertThat(out).contains("Report of job instance 1").contains("Input file: " + canceller.directory().toRealPath().resolve("in.csv"))
                .containsPattern("CANCELLED +1").containsPattern("REJECTED +1").containsPattern("NOT_FOUND +1")
                .containsPattern("INVALID +1").containsPattern("DUPLICATE +1").containsPattern("TOTAL +5")
                .contains("Rows with outcome REJECTED, FAILED, INVALID: 2")
                .contains("ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED");
        List<String> tableLines = out.lines().dropWhile(line -> !line.startsWith("LINE")).toList();
        // not a terminal: 120 columns, as far as the details can be cut; codes, ids and names never are
        assertThat(out.lines().takeWhile(line -> !line.startsWith("LINE"))).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
        assertThat(tableLines.get(1)).contains("ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED  HTTP 40").endsWith("…");
        assertThat(out).containsOnlyOnce(canceller.directory().toRealPath().resolve("in.csv").toString());
        assertThat(tableLines).hasSize(3);
        int outcomeColumn = tableLines.get(0).indexOf("OUTCOME");
        assertThat(tableLines.get(1).substring(outcomeColumn)).startsWith("REJECTED");
        assertThat(tableLines.get(2).substring(outcomeColumn)).startsWith("INVALID");
    }

    @Test
    void aTableIsAsWideAsColumnsSaysEvenWhenPiped() throws Exception {
        // when: standard output is a pipe, and $COLUMNS is wide enough for every detail
        var process = canceller.env("COLUMNS", "400").start("report");
        int exitCode = process.waitForExit(60);

        // then
        assertThat(exitCode).isZero();
        assertThat(process.output()).anySatisfy(line -> assertThat(line)
                .endsWith("HTTP 405 ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED: Cannot cancel, a sharded cluster restore job."));
        assertThat(String.join("\n", process.output())).doesNotContain("…");
    }

    @Test
    void csvIsSafeToOpenInASpreadsheet() throws Exception {
        // given
        Path file = canceller.directory().resolve("report.csv");

        // when
        int exitCode = canceller.run("report", "--format=csv", "--outcome=all", "--output=" + file);

        // then
        assertThat(exitCode).isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("JOB_EXECUTION_ID,JOB_INSTANCE_ID,INPUT_FILE,LINE_NUMBER,GROUP_ID,CLUSTER_NAME,RESTORE_JOB_ID,"
                + "OUTCOME,DRY_RUN,HTTP_STATUS,ERROR_CODE,ATTEMPTS,RECORDED_AT,DETAIL");
        assertThat(lines).hasSize(6);
        String invalid = lines.stream().filter(line -> line.contains(",INVALID,")).findFirst().orElseThrow();
        assertThat(invalid).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",");
        assertThat(lines).noneMatch(line -> line.contains(",=") || line.contains(",\"="));
        assertThat(lines.stream().filter(line -> line.contains(",REJECTED,")).findFirst().orElseThrow())
                .endsWith(",\"HTTP 405 ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED: Cannot cancel, a sharded cluster restore job.\"");
    }

    @Test
    void jsonCarriesTheSelectionTheSummaryAndTheRows(CapturedOutput output) {
        // when
        int exitCode = canceller.run("report", "--format=json", "--execution=latest", "--outcome=rejected,not_found");

        // then
        assertThat(exitCode).isZero();
        String out = output.getOut();
        JsonNode document = JsonMapper.builder().build().readTree(out.substring(out.indexOf("{\n")));
        assertThat(document.at("/selection/executionId").asLong()).isEqualTo(1);
        assertThat(document.at("/summary/CANCELLED").asLong()).isEqualTo(1);
        assertThat(document.at("/summary/DUPLICATE").asLong()).isEqualTo(1);
        assertThat(document.get("rows")).hasSize(2);
        assertThat(document.at("/rows/0/outcome").asString()).isEqualTo("REJECTED");
        assertThat(document.at("/rows/0/httpStatus").asInt()).isEqualTo(405);
        assertThat(document.at("/rows/1/outcome").asString()).isEqualTo("NOT_FOUND");
        assertThat(document.at("/rows/1/lineNumber").asLong()).isEqualTo(4);
    }

    @Test
    void sinceSelectsAcrossExecutionsAndAFutureDateSelectsNothing(CapturedOutput output) {
        // when
        int exitCode = canceller.run("report", "--since=2999-01-01", "--format=json");

        // then
        assertThat(exitCode).isZero();
        String out = output.getOut();
        JsonNode document = JsonMapper.builder().build().readTree(out.substring(out.indexOf("{\n")));
        assertThat(document.at("/selection/executionId").isNull()).isTrue();
        assertThat(document.get("summary").isEmpty()).isTrue();
        assertThat(document.get("rows")).isEmpty();
    }

    @Test
    void badReportOptionsAreUsageErrors(CapturedOutput output) {
        assertThat(canceller.run("report", "--format=xml")).isEqualTo(2);
        assertThat(canceller.run("report", "--outcome=LOST")).isEqualTo(2);
        assertThat(canceller.run("report", "--since=yesterday")).isEqualTo(2);
        assertThat(canceller.run("report", "--input=x.csv")).isEqualTo(2);
        assertThat(output.getErr().lines().filter(line -> line.startsWith("error:"))).hasSize(4);
    }
}
