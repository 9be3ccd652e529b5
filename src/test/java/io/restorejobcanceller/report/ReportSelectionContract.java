package io.restorejobcanceller.report;

import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.Targets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Report selections and groupings over a night with a failed run and its restart (file A, job instance 1,
 * executions 1 and 2), then a dry run and a real run of file B (instances 2 and 3, executions 3 and 4); on H2 and
 * on PostgreSQL (a subclass each).
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class ReportSelectionContract {

    private static final String REJECTED = "Cannot cancel a sharded cluster restore job.";
    private Path fileA;
    private Path fileB;
    private String restartSummary;

    protected abstract CancellerHarness canceller();

    @BeforeEach
    void night() throws Exception {
        CancellerHarness canceller = canceller();
        AtlasStub atlas = canceller.atlas();
        atlas.answer(path(2), AtlasStub.apiError(405, "ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED", "Method Not Allowed", REJECTED));
        atlas.answer(path(3), AtlasStub.apiError(405, "ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED", "Method Not Allowed", REJECTED));
        fileA = canceller.file("a.csv", csv(5));
        fileB = canceller.file("b.csv", "groupId,clusterName,restoreJobId\n"
                + IntStream.rangeClosed(6, 8).mapToObj(Targets::row).collect(Collectors.joining("\n")) + "\n");
        canceller.with("--canceller.skip-limit=1").with("--canceller.chunk-size=10").with("--canceller.concurrency=1");
        assertThat(canceller.run("cancel", fileA.toString())).isEqualTo(1);
        assertThat(canceller.run("cancel", fileA.toString())).isEqualTo(3);
        assertThat(canceller.run("cancel", "--dry-run", fileB.toString())).isZero();
        assertThat(canceller.run("cancel", fileB.toString())).isZero();
    }

    @Test
    void byDefaultTheLatestJobInstanceWithAllItsExecutionsAsTheRunsSummaryCountedIt(CapturedOutput output) throws Exception {
        // given: what the last run printed
        String printed = output.getOut().lines().filter(line -> line.startsWith("Outcomes: ")).reduce((a, b) -> b).orElseThrow();
        Map<String, Long> runSummary = new LinkedHashMap<>();
        for (String count : printed.substring("Outcomes: ".length()).split(", ")) {
            runSummary.put(count.split("=")[0], Long.parseLong(count.split("=")[1]));
        }

        // when
        JsonNode latest = report();
        JsonNode restarted = report("--instance=1", "--by=execution", "--outcome=all");

        // then: instance 3 (file B, the real run)
        assertThat(latest.get("selection").get("instanceId").asLong()).isEqualTo(3);
        assertThat(summary(latest)).containsExactlyEntriesOf(Map.of("CANCELLED", 3L)).isEqualTo(runSummary);
        assertThat(latest.get("dryRunRows").asLong()).isZero();
        // and instance 1 counts what the restart's own summary counted: both executions
        assertThat(summary(restarted)).containsExactlyInAnyOrderEntriesOf(Map.of("CANCELLED", 3L, "REJECTED", 2L));
        assertThat(groups(restarted)).containsExactlyInAnyOrder("1 CANCELLED 1", "1 REJECTED 2", "2 CANCELLED 2");
        assertThat(restarted.get("rows")).hasSize(5);
    }

    @Test
    void aFileSelectsEveryRunOfItAndSaysWhichRowsAreFromADryRun() throws Exception {
        // when
        JsonNode file = report("--file=" + fileB, "--outcome=all");
        JsonNode sinceTomorrow = report("--file=" + fileB, "--since=2999-01-01");

        // then
        assertThat(file.get("total").asLong()).isEqualTo(6);
        assertThat(file.get("dryRunRows").asLong()).isEqualTo(3);
        assertThat(summary(file)).containsExactlyInAnyOrderEntriesOf(Map.of("PLANNED", 3L, "CANCELLED", 3L));
        assertThat(file.get("rows")).hasSize(6).allSatisfy(row ->
                assertThat(row.get("dryRun").asBoolean()).isEqualTo(row.get("outcome").asString().equals("PLANNED")));
        assertThat(sinceTomorrow.get("total").asLong()).isZero();
    }

    @Test
    void anExecutionSelectsItsOwnRowsAndCombinesWithOutcomes() throws Exception {
        // when
        JsonNode first = report("--execution=1", "--outcome=REJECTED");
        JsonNode latest = report("--execution=latest", "--outcome=all");

        // then
        assertThat(summary(first)).containsExactlyInAnyOrderEntriesOf(Map.of("CANCELLED", 1L, "REJECTED", 2L));
        assertThat(first.get("rows")).hasSize(2);
        assertThat(latest.get("selection").get("executionId").asLong()).isEqualTo(4);
    }

    @Test
    void whyRowsNeedAttentionIsCountedByErrorCodeWithAnExampleAndByProject() throws Exception {
        // when
        JsonNode why = report("--instance=1");
        JsonNode byProject = report("--instance=1", "--by=project");

        // then
        JsonNode group = why.get("groups").get("groups").get(0);
        assertThat(why.get("groups").get("by").asString()).isEqualTo("error-code");
        assertThat(why.get("groups").get("groups")).hasSize(1);
        assertThat(group.get("key").asString()).isEqualTo("ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED");
        assertThat(group.get("rows").asLong()).isEqualTo(2);
        assertThat(group.get("exampleDetail").asString()).contains(REJECTED);
        assertThat(groups(byProject)).containsExactlyInAnyOrder(Targets.GROUP + " CANCELLED 3", Targets.GROUP + " REJECTED 2");
    }

    @Test
    void aSelectionOfSomethingThatDoesNotExistIsAUsageError() {
        // when / then
        assertThat(canceller().run("report", "--execution=999")).isEqualTo(2);
        assertThat(canceller().run("report", "--instance=999")).isEqualTo(2);
        assertThat(canceller().run("report", "--file=" + canceller().directory().resolve("never-run.csv"))).isEqualTo(2);
        assertThat(canceller().run("report", "--by=weather")).isEqualTo(2);
    }

    private JsonNode report(String... selection) throws Exception {
        Path output = Files.createTempFile(canceller().directory(), "report", ".json");
        Files.delete(output);
        List<String> args = new ArrayList<>(List.of("report", "--format=json", "--output=" + output));
        args.addAll(List.of(selection));
        assertThat(canceller().run(args.toArray(String[]::new))).isZero();
        return JsonMapper.builder().build().readTree(Files.readString(output));
    }

    private static Map<String, Long> summary(JsonNode report) {
        Map<String, Long> summary = new LinkedHashMap<>();
        report.get("summary").properties().forEach(e -> summary.put(e.getKey(), e.getValue().asLong()));
        return summary;
    }

    private static List<String> groups(JsonNode report) {
        List<String> groups = new ArrayList<>();
        report.get("groups").get("groups").forEach(g -> groups.add(g.get("key").asString() + " " + g.get("outcome").asString()
                + " " + g.get("rows").asLong()));
        return groups;
    }
}
