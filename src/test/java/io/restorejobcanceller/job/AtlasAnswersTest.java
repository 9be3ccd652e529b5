package io.restorejobcanceller.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.restorejobcanceller.atlas.auth.AtlasCredentials;
import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Atlas's answers as they really are, through the whole job: the audit never says "done" when nothing was done. */
@ExtendWith(OutputCaptureExtension.class)
class AtlasAnswersTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    private static final String GOOD = "32b6e34b3d91647abb20e7b8";
    private static final String MISTYPED = "32b6e34b3d91647abb20e7b9";
    private static final String OTHER = "5f0000000000000000000abc";

    /** Rows interleaving projects: {@code perProject} rows of each, cluster Cluster0 unless the project is OTHER. */
    private static String file(int perProject, String... projects) {
        return "groupId,clusterName,restoreJobId\n" + IntStream.range(0, perProject).boxed()
                .flatMap(i -> Arrays.stream(projects).map(p -> p + "," + (i % 2 == 0 ? "Cluster0" : "Cluster1")
                        + "," + "%024x".formatted(p.hashCode() * 1000L + i)))
                .collect(Collectors.joining("\n")) + "\n";
    }

    private static List<Map<String, Object>> outcomesOf(String groupId) {
        return canceller.outcomes().stream().filter(row -> groupId.equals(row.get("GROUP_ID"))).toList();
    }

    @Test
    void aMistypedProjectIsRejectedRowByRowAfterOneDeleteAndTheOthersRun() {
        // given
        atlas.answerUnder(MISTYPED, null, AtlasStub.apiError(404, "GROUP_NOT_FOUND", "Not Found",
                "No group with ID " + MISTYPED + " exists.", MISTYPED));
        Path input = canceller.file("in.csv", file(20, GOOD, MISTYPED));

        // when
        int exitCode = canceller.with("--canceller.concurrency=1").run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(3);
        assertThat(atlas.deletesUnder(MISTYPED)).isEqualTo(1);
        assertThat(outcomesOf(MISTYPED)).hasSize(20).allSatisfy(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("REJECTED");
            assertThat(row.get("ERROR_CODE")).isEqualTo("GROUP_NOT_FOUND");
        });
        assertThat(outcomesOf(MISTYPED).get(0)).containsEntry("ATTEMPTS", 1);
        assertThat((String) outcomesOf(MISTYPED).get(0).get("DETAIL")).contains("[parameters: " + MISTYPED + "]");
        assertThat(outcomesOf(MISTYPED).subList(1, 20)).allSatisfy(row -> {
            assertThat(row.get("ATTEMPTS")).isEqualTo(0);
            assertThat((String) row.get("DETAIL")).startsWith("not sent: Atlas refused the project " + MISTYPED + " at line 3");
        });
        assertThat(outcomesOf(GOOD)).hasSize(20).allSatisfy(row -> assertThat(row.get("OUTCOME")).isEqualTo("CANCELLED"));
        // the refusal counts once against the skip limit
        assertThat(canceller.database().sql("SELECT WRITE_SKIP_COUNT FROM BATCH_STEP_EXECUTION").query(Long.class).single())
                .isEqualTo(1L);
    }

    @Test
    void aProjectRefusedToTheseCredentialsDoesNotStopTheRunNorRenewTheToken() {
        // given: a service account whose token works everywhere but in one project
        atlas.tokenEndpointAnswers(AtlasStub.tokenResponse("sa-token-1", 3600), AtlasStub.tokenResponse("sa-token-2", 3600));
        atlas.answerUnder(OTHER, null, AtlasStub.apiError(401, "NOT_IN_GROUP", "Unauthorized",
                "The current user is not in the group, or the group does not exist.", OTHER));
        Path input = canceller.file("in.csv", file(10, GOOD, OTHER));

        // when
        int exitCode = canceller.token(null).env(AtlasCredentials.CLIENT_ID, "mdb_sa_id_0123456789abcdef")
                .env(AtlasCredentials.CLIENT_SECRET, "test-only-client-secret").run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(3);
        assertThat(outcomesOf(OTHER)).hasSize(10).allSatisfy(row -> assertThat(row.get("ERROR_CODE")).isEqualTo("NOT_IN_GROUP"));
        assertThat(outcomesOf(GOOD)).hasSize(10).allSatisfy(row -> assertThat(row.get("OUTCOME")).isEqualTo("CANCELLED"));
        assertThat(atlas.requests().stream().filter(r -> r.getUrl().equals("/api/oauth/token")).count()).isEqualTo(1);
        assertThat(atlas.deletesUnder(OTHER)).isLessThanOrEqualTo(8); // at most what was in flight when it was refused
    }

    @Test
    void anUnknownClusterStopsOnlyThatCluster() {
        // given
        atlas.answerUnder(GOOD, "Cluster1", AtlasStub.apiError(404, "CLUSTER_NOT_FOUND", "Not Found",
                "No cluster named Cluster1 exists in group " + GOOD + ".", "Cluster1", GOOD));
        Path input = canceller.file("in.csv", file(10, GOOD));

        // when
        int exitCode = canceller.with("--canceller.concurrency=1").run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(3);
        assertThat(canceller.outcomes()).filteredOn(row -> "Cluster1".equals(row.get("CLUSTER_NAME"))).hasSize(5)
                .allSatisfy(row -> assertThat(row.get("ERROR_CODE")).isEqualTo("CLUSTER_NOT_FOUND"));
        assertThat(canceller.outcomes()).filteredOn(row -> "Cluster0".equals(row.get("CLUSTER_NAME"))).hasSize(5)
                .allSatisfy(row -> assertThat(row.get("OUTCOME")).isEqualTo("CANCELLED"));
        assertThat(atlas.deletesUnder(GOOD)).isEqualTo(6);
    }

    @Test
    void aHostOffTheAccessListStopsTheRunAfterAtMostOneDeletePerWorker(CapturedOutput output) {
        // given
        atlas.answerUnder(GOOD, null, AtlasStub.apiError(403, "IP_ADDRESS_NOT_ON_ACCESS_LIST", "Forbidden",
                "IP address 203.0.113.7 is not allowed to access this resource.", "203.0.113.7"));
        Path input = canceller.file("in.csv", file(300, GOOD));

        // when
        int exitCode = canceller.with("--canceller.concurrency=8").run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(atlas.deletesUnder(GOOD)).isLessThanOrEqualTo(8);
        assertThat(output.getOut()).contains("API access list");
    }

    @Test
    void writesRefusedDuringAnUpgradeAreRetriedUntilCancelled() {
        // given
        String path = AtlasStub.path(GOOD, "Cluster0", "%024x".formatted(GOOD.hashCode() * 1000L));
        var upgrading = AtlasStub.apiError(405, "WRITES_NOT_ALLOWED_DURING_APP_UPGRADES", "Method Not Allowed",
                "Writes are not allowed during application upgrades.");
        atlas.answerInTurn(path, upgrading, upgrading, AtlasStub.cancelled());
        Path input = canceller.file("in.csv", file(1, GOOD));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(canceller.outcomes()).singleElement().satisfies(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("CANCELLED");
            assertThat(row.get("ATTEMPTS")).isEqualTo(3);
        });
    }

    @Test
    void aNotFoundWithoutAnAtlasBodyIsNeverRecordedAsGone() {
        // given: a wrong base URL or a proxy answers 404 with a page of its own
        atlas.answerUnder(GOOD, null, aResponse().withStatus(404).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Not Found</body></html>"));
        Path input = canceller.file("in.csv", file(3, GOOD));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(3);
        assertThat(canceller.outcomes()).hasSize(3).allSatisfy(row -> assertThat(row.get("OUTCOME")).isEqualTo("REJECTED"));
    }

    @Test
    void theErrorCodeHeaderStandsInForABodyWithoutOne() {
        // given
        atlas.answerUnder(GOOD, null, aResponse().withStatus(404).withHeader("X-Error-Code", "RESTORE_JOB_NOT_FOUND"));
        Path input = canceller.file("in.csv", file(2, GOOD));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(canceller.outcomes()).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("NOT_FOUND");
            assertThat(row.get("ERROR_CODE")).isEqualTo("RESTORE_JOB_NOT_FOUND");
        });
    }

    @Test
    void a429WithoutRetryAfterMakesEveryWorkerWaitAtLeastTenSeconds() {
        // given
        String path = AtlasStub.path(GOOD, "Cluster0", "%024x".formatted(GOOD.hashCode() * 1000L));
        atlas.answerInTurn(path, AtlasStub.apiError(429, "RATE_LIMITED_TOKEN_BUCKET", "Too Many Requests",
                "Request capacity: 10. Refill rate: 5 per 60 seconds"), AtlasStub.cancelled());
        Path input = canceller.file("in.csv", file(1, GOOD));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(canceller.outcomes()).singleElement().satisfies(row -> assertThat(row.get("ATTEMPTS")).isEqualTo(2));
        assertThat(canceller.sleeper().waits()).contains(Duration.ofSeconds(10))
                .allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(10)));
    }

    @Test
    void aRedirectNamesWhereItPointed() {
        // given
        atlas.answer(io.restorejobcanceller.testing.Targets.path(1), aResponse().withStatus(307)
                .withHeader("Location", "https://elsewhere.example.com/api/atlas/v2/moved?signature=s3cr3t"));
        Path input = canceller.file("in.csv", io.restorejobcanceller.testing.Targets.csv(1));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(3);
        assertThat(canceller.outcomes()).singleElement().satisfies(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("FAILED");
            assertThat(row.get("DETAIL")).isEqualTo("HTTP 307 redirect to https://elsewhere.example.com/api/atlas/v2/moved (no body)");
        });
    }
}
