package io.restorejobcanceller.find;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restorejobcanceller.find.FindCommandTest.ORDERS;
import static io.restorejobcanceller.find.FindCommandTest.PAYMENTS;
import static io.restorejobcanceller.find.FindCommandTest.cancellable;
import static io.restorejobcanceller.find.FindCommandTest.id;
import static io.restorejobcanceller.testing.AtlasLists.clustersPath;
import static io.restorejobcanceller.testing.AtlasLists.restoreJobsPath;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.http.Fault;
import io.restorejobcanceller.testing.AtlasLists;
import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What Atlas refuses to {@code find}: a project or cluster (named, the rest listed), or everything (nothing written). */
@ExtendWith(OutputCaptureExtension.class)
class FindRefusalsTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();
    private static final String MISSING = "6a00000000000000000000ff";

    private static void serve(AtlasLists lists) {
        canceller.with("--canceller.atlas.read-timeout=30s"); // requests are counted: a slow first answer is not retried
        lists.serveOn(atlas.server(), atlas.baseUrl());
    }

    private static void refuse(String path, int status, String errorCode) {
        atlas.server().stubFor(get(urlPathEqualTo(path)).atPriority(1)
                .willReturn(AtlasStub.apiError(status, errorCode, "Refused", "stub refusal")));
    }

    private static List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(canceller.directory())) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.contains("find")).toList();
        }
    }

    @Test
    void aRefusedProjectAndARefusedClusterAreNamedAndTheRestIsListed(CapturedOutput output) throws Exception {
        // given: a missing project, a project these credentials are not in (a 401 that is not about the credentials),
        // and a cluster that is gone
        serve(FindCommandTest.everyKindOfRestoreJob().cluster(PAYMENTS, "Gone"));
        refuse(clustersPath(MISSING), 404, "GROUP_NOT_FOUND");
        refuse(restoreJobsPath(PAYMENTS, "Gone"), 404, "CLUSTER_NOT_FOUND");
        String notMine = "6a00000000000000000000fe";
        refuse(clustersPath(notMine), 401, "NOT_IN_GROUP");
        String noRole = "6a00000000000000000000fd";
        refuse(clustersPath(noRole), 403, "USER_UNAUTHORIZED");
        Path file = canceller.directory().resolve("tonight.csv");

        // when
        int exitCode = canceller.run("find", "--project", PAYMENTS + "," + MISSING, "--project", ORDERS, "--project", notMine,
                "--project", noRole, "--output", file.toString());

        // then
        assertThat(exitCode).isEqualTo(3);
        assertThat(output.getErr()).contains("not listed: project " + MISSING + ": HTTP 404 GROUP_NOT_FOUND")
                .contains("not listed: project " + notMine + ": HTTP 401 NOT_IN_GROUP")
                .contains("not listed: project " + noRole + ": HTTP 403 USER_UNAUTHORIZED")
                .contains("not listed: cluster " + PAYMENTS + "/Gone: HTTP 404 CLUSTER_NOT_FOUND")
                .doesNotContain("\tat ");
        assertThat(Files.readString(file)).contains(cancellable().toArray(String[]::new));
        assertThat(Files.readAllLines(file)).hasSize(2 + 4);
    }

    @Test
    void aClusterNeverAnsweredIsCountedAsNotAnsweredNotAsRefused(CapturedOutput output) throws Exception {
        // given: one cluster refused with Atlas's code, one whose connection is reset and one answered 503 every time
        serve(FindCommandTest.everyKindOfRestoreJob().cluster(PAYMENTS, "Gone").cluster(PAYMENTS, "Silent").cluster(ORDERS, "Busy"));
        refuse(restoreJobsPath(PAYMENTS, "Gone"), 404, "CLUSTER_NOT_FOUND");
        atlas.server().stubFor(get(urlPathEqualTo(restoreJobsPath(PAYMENTS, "Silent"))).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        refuse(restoreJobsPath(ORDERS, "Busy"), 503, "SERVICE_UNAVAILABLE");
        Path file = canceller.directory().resolve("tonight.csv");

        // when
        int exitCode = canceller.run("find", "--all-projects", "--output", file.toString());

        // then
        assertThat(exitCode).isEqualTo(3);
        assertThat(Files.readAllLines(file).get(0))
                .endsWith("; not listed: 1 project or cluster refused, 2 not answered (named on standard error)");
        assertThat(output.getErr()).contains("not listed: cluster " + PAYMENTS + "/Gone: HTTP 404 CLUSTER_NOT_FOUND")
                .contains("not listed: cluster " + PAYMENTS + "/Silent: not answered: ")
                .contains("not listed: cluster " + ORDERS + "/Busy: not answered: HTTP 503 SERVICE_UNAVAILABLE")
                .contains("; not listed: 1 project or cluster refused, 2 not answered (written to ");
        assertThat(Files.readString(file)).contains(cancellable().toArray(String[]::new));
    }

    @Test
    void refusedCredentialsWriteNoFileAtAll(CapturedOutput output) throws Exception {
        // given: the projects are listed, then a cluster's page is refused for the credentials
        serve(FindCommandTest.everyKindOfRestoreJob());
        refuse(restoreJobsPath(ORDERS, "Cluster0"), 401, "UNAUTHORIZED");
        Path file = canceller.directory().resolve("tonight.csv");

        // when
        int toFile = canceller.run("find", "--all-projects", "--output", file.toString());
        int toStandardOutput = canceller.run("find", "--all-projects");

        // then
        assertThat(List.of(toFile, toStandardOutput)).containsOnly(1);
        assertThat(file).doesNotExist();
        assertThat(leftovers()).isEmpty();
        assertThat(output.getOut()).isEmpty();
        assertThat(output.getErr()).contains("error: Atlas refused the credentials (HTTP 401 UNAUTHORIZED").doesNotContain("\tat ");
    }

    @Test
    void aHostOffTheAccessListStopsAtTheFirstRefusal(CapturedOutput output) {
        // given
        serve(FindCommandTest.everyKindOfRestoreJob());
        refuse("/api/atlas/v2/groups", 403, "IP_ADDRESS_NOT_ON_ACCESS_LIST");

        // when
        int exitCode = canceller.run("find", "--all-projects");

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getOut()).isEmpty();
        assertThat(output.getErr()).contains("add this host's public IP address to the organisation's API access list");
        assertThat(AtlasLists.listRequests(atlas.server())).isEqualTo(1);
    }

    @Test
    void theAllowedProjectsLimitWhatIsListed(CapturedOutput output) {
        // given
        serve(FindCommandTest.everyKindOfRestoreJob());
        canceller.with("--canceller.guard.allowed-projects=" + PAYMENTS);

        // when
        int all = canceller.run("find", "--all-projects");
        int given = canceller.run("find", "--project", ORDERS);

        // then
        assertThat(all).isZero();
        assertThat(output.getOut()).contains(PAYMENTS + ",Cluster0," + id(1)).doesNotContain("\n" + ORDERS);
        assertThat(given).isEqualTo(3);
        assertThat(output.getErr()).contains("not listed: project " + ORDERS + ": PROJECT_NOT_ALLOWED");
        assertThat(atlas.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathMatching("/api/atlas/v2/groups/" + ORDERS + "/.*")))).isEmpty();
    }
}
