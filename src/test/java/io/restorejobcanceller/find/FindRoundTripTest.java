package io.restorejobcanceller.find;

import static io.restorejobcanceller.find.FindCommandTest.ORDERS;
import static io.restorejobcanceller.find.FindCommandTest.PAYMENTS;
import static io.restorejobcanceller.find.FindCommandTest.cancellable;
import static io.restorejobcanceller.find.FindCommandTest.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What {@code find} hands on: the file {@code cancel} takes, the audit, the table and the JSON. */
@ExtendWith(OutputCaptureExtension.class)
class FindRoundTripTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    @BeforeEach
    void atlasLists() {
        // a loaded machine must not turn a slow first answer into a retried page: requests are counted
        canceller.with("--canceller.atlas.read-timeout=30s");
        FindCommandTest.everyKindOfRestoreJob().serveOn(atlas.server(), atlas.baseUrl());
    }

    @Test
    void cancelGivenTheFoundFileCancelsExactlyTheCancellableRestoreJobs() throws Exception {
        // given
        Path file = canceller.directory().resolve("tonight.csv");
        assertThat(canceller.run("find", "--all-projects", "--output", file.toString())).isZero();

        // when
        int exitCode = canceller.run("cancel", file.toString());

        // then: one DELETE for each cancellable restore job, none for the others
        assertThat(exitCode).isZero();
        List<String> targets = cancellable();
        for (int n = 1; n <= 10; n++) {
            String group = n == 10 ? ORDERS : PAYMENTS;
            String cluster = n == 9 ? "Cluster1" : "Cluster0";
            int expected = targets.contains(group + "," + cluster + "," + id(n)) ? 1 : 0;
            assertThat(atlas.deletesOf(AtlasStub.path(group, cluster, id(n)))).as("DELETEs of job %d", n).isEqualTo(expected);
        }
        assertThat(atlas.server().findAll(WireMock.deleteRequestedFor(WireMock.anyUrl()))).hasSize(4);
        assertThat(canceller.outcomes()).extracting(row -> row.get("OUTCOME")).containsOnly("CANCELLED").hasSize(4);
    }

    @Test
    void eachFindIsAJobExecutionWithItsScopeCountsAndFileHash(CapturedOutput output) throws Exception {
        // given
        Path file = canceller.directory().resolve("tonight.csv");

        // when
        int exitCode = canceller.run("find", "--project", PAYMENTS + "," + ORDERS, "--snapshot-after", "2026-11-01", "--output", file.toString());

        // then
        assertThat(exitCode).isZero();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        Map<String, Object> execution = canceller.database().sql("""
                SELECT e.STATUS, e.EXIT_CODE, e.EXIT_MESSAGE, s.READ_COUNT, s.WRITE_COUNT, s.FILTER_COUNT
                FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                JOIN BATCH_STEP_EXECUTION s ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID WHERE i.JOB_NAME = 'restoreJobsFindJob'""")
                .query().singleRow();
        assertThat(execution).containsEntry("STATUS", "COMPLETED").containsEntry("READ_COUNT", 10L)
                .containsEntry("WRITE_COUNT", 4L).containsEntry("FILTER_COUNT", 6L);
        assertThat((String) execution.get("EXIT_MESSAGE")).contains("4 cancellable listed").contains("SHA-256 " + sha256)
                .contains("csv to " + file.toAbsolutePath());
        List<String> parameters = canceller.database().sql("SELECT PARAMETER_NAME || '=' || PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS")
                .query(String.class).list();
        assertThat(parameters).contains("find.projects=" + PAYMENTS + "," + ORDERS, "find.snapshot-after=2026-11-01T00:00:00Z",
                "find.output=" + file.toAbsolutePath());

        // when: the audit is read with the query command
        int queryExit = canceller.run("query", "SELECT e.EXIT_MESSAGE FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
                + "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'restoreJobsFindJob'", "--format=csv");

        // then
        assertThat(queryExit).isZero();
        assertThat(output.getOut()).contains(sha256);
    }

    @Test
    void aTableShowsTheCancellableRestoreJobsInColumns(CapturedOutput output) {
        // when
        int exitCode = canceller.run("find", "--all-projects", "--format=table");

        // then
        assertThat(exitCode).isZero();
        List<String> lines = output.getOut().lines().toList();
        assertThat(lines.get(0)).matches("groupId +clusterName +restoreJobId +deliveryType +snapshotTime +expiresAt +projectName");
        assertThat(lines.subList(1, 5)).allSatisfy(line -> assertThat(line).matches("6a0+\\d +Cluster\\d +0+7b0+\\w+ +download .*"));
        assertThat(lines.get(5)).startsWith("10 restore jobs in 2 projects, 3 clusters: 4 cancellable listed");
        assertThat(lines).hasSize(6);
    }

    @Test
    void jsonListsEveryRestoreJobSeenWithWhyItIsOrIsNotListed(CapturedOutput output) {
        // when
        int exitCode = canceller.run("find", "--all-projects", "--format=json");

        // then
        assertThat(exitCode).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(output.getOut());
        assertThat(json.get("scope").asString()).isEqualTo("--all-projects");
        List<String> reasons = IntStream.range(0, json.get("restoreJobs").size())
                .mapToObj(i -> json.get("restoreJobs").get(i)).map(job -> job.get("restoreJobId").asString() + " "
                        + job.get("reason").asString() + " " + job.get("listed").asBoolean()).toList();
        assertThat(reasons).containsExactlyInAnyOrder(id(1) + " listed true", id(2) + " listed true", id(3) + " cancelled false",
                id(4) + " expired false", id(5) + " failed false", id(6) + " finished false", id(7) + " automated false",
                id(8) + " point-in-time false", id(9) + " listed true", id(10) + " listed true");
    }
}
