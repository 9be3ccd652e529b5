package io.restorejobcanceller.find;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restorejobcanceller.testing.AtlasLists.job;
import static io.restorejobcanceller.testing.AtlasLists.restoreJobsPath;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.restorejobcanceller.testing.AtlasLists;
import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code find} through the real Feign + HttpClient 5 stack against Atlas's lists served in pages by WireMock. */
@ExtendWith(OutputCaptureExtension.class)
class FindCommandTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    static final String PAYMENTS = "6a0000000000000000000001";
    static final String ORDERS = "6a0000000000000000000002";
    static final String HEADER = "groupId,clusterName,restoreJobId,deliveryType,snapshotTime,expiresAt,projectName";
    static final String LATE = "2026-11-25T00:00:00Z";
    static final String EARLY = "2026-11-10T00:00:00Z";

    private AtlasLists lists;

    static String id(int n) {
        return "%024x".formatted(0x7b000000L + n);
    }

    /** Two projects, three clusters, a restore job of every delivery type and state: 4 of the 10 can be cancelled. */
    static AtlasLists everyKindOfRestoreJob() {
        return new AtlasLists().project(PAYMENTS, "payments", "Cluster0", "Cluster1").project(ORDERS, "orders", "Cluster0")
                .restoreJobs(PAYMENTS, "Cluster0", List.of(job(id(1), "download", "running", EARLY), job(id(2), "download", "running", LATE),
                        job(id(3), "download", "cancelled", LATE), job(id(4), "download", "expired", LATE),
                        job(id(5), "download", "failed", LATE), job(id(6), "download", "finished", LATE),
                        job(id(7), "automated", "running", LATE), job(id(8), "pointInTime", "running", LATE)))
                .restoreJobs(PAYMENTS, "Cluster1", List.of(job(id(9), "download", "running", LATE)))
                .restoreJobs(ORDERS, "Cluster0", List.of(job(id(10), "download", "running", LATE)));
    }

    static List<String> cancellable() {
        return List.of(PAYMENTS + ",Cluster0," + id(1), PAYMENTS + ",Cluster0," + id(2), PAYMENTS + ",Cluster1," + id(9),
                ORDERS + ",Cluster0," + id(10));
    }

    @BeforeEach
    void atlasLists() {
        // a loaded machine must not turn a slow first answer into a retried page: requests are counted
        canceller.with("--canceller.atlas.read-timeout=30s");
        lists = everyKindOfRestoreJob();
    }

    private void serve() {
        lists.serveOn(atlas.server(), atlas.baseUrl());
    }

    /** The data lines of a CSV written by find: the target columns of each line after the comment and the header. */
    private static List<String> targets(String csv) {
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("# cancel-restore-jobs find at ");
        assertThat(lines.get(1)).isEqualTo(HEADER);
        return lines.subList(2, lines.size()).stream().map(line -> String.join(",", List.of(line.split(",")).subList(0, 3))).toList();
    }

    @Test
    void listsOnlyTheCancellableDownloadsOfEveryProjectAndCluster(CapturedOutput output) {
        // given
        serve();

        // when
        int exitCode = canceller.run("find", "--all-projects");

        // then
        assertThat(exitCode).isZero();
        assertThat(targets(output.getOut())).containsExactlyInAnyOrderElementsOf(cancellable());
        assertThat(output.getOut()).contains(PAYMENTS + ",Cluster0," + id(2) + ",download," + LATE + ",2026-12-31T00:00:00Z,payments");
        assertThat(output.getErr()).contains("10 restore jobs in 2 projects, 3 clusters: 4 cancellable listed; left out: 1 automated, "
                + "1 point-in-time, 1 cancelled, 1 expired, 1 failed, 1 finished");
        assertThat(AtlasLists.listRequests(atlas.server())).isEqualTo(1 + 2 + 3);
        assertThat(atlas.requests()).allSatisfy(request -> assertThat(request.getMethod().getName()).isEqualTo("GET"));
    }

    @Test
    void pagesThroughMoreThan500RestoreJobsOneRequestPerPage(CapturedOutput output) {
        // given: 1,201 cancellable restore jobs in one cluster
        List<String> many = IntStream.rangeClosed(1, 1200).mapToObj(n -> job(id(1000 + n), "download", "running", LATE)).toList();
        lists.restoreJobs(ORDERS, "Cluster0", many);
        serve();

        // when
        int exitCode = canceller.run("find", "--project", ORDERS);

        // then
        assertThat(exitCode).isZero();
        assertThat(targets(output.getOut())).hasSize(1201).doesNotHaveDuplicates();
        assertThat(AtlasLists.pagesRequested(atlas.server(), restoreJobsPath(ORDERS, "Cluster0")))
                .containsExactly("itemsPerPage=500&pageNum=1", "itemsPerPage=500&pageNum=2", "itemsPerPage=500&pageNum=3");
    }

    @Test
    void theClustersGivenAreTheOnlyOnesListed(CapturedOutput output) {
        // given
        serve();

        // when
        int exitCode = canceller.run("find", "--project", PAYMENTS, "--cluster", "Cluster1");

        // then: the clusters list is not asked for (the project is, for its name)
        assertThat(exitCode).isZero();
        assertThat(targets(output.getOut())).containsExactly(PAYMENTS + ",Cluster1," + id(9));
        assertThat(AtlasLists.listRequests(atlas.server())).isEqualTo(1 + 1);
    }

    @Test
    void snapshotFiltersLeaveOutRestoreJobsOfOtherSnapshots(CapturedOutput output) {
        // given
        serve();

        // when
        int exitCode = canceller.run("find", "--all-projects", "--snapshot-after", "2026-11-20", "--snapshot-before=2026-11-26T00:00:00Z");

        // then
        assertThat(exitCode).isZero();
        List<String> expected = new ArrayList<>(cancellable());
        expected.remove(PAYMENTS + ",Cluster0," + id(1));
        assertThat(targets(output.getOut())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(output.getErr()).contains("3 cancellable listed; left out: 1 automated").contains("1 outside the snapshot filters");
        assertThat(output.getOut().lines().findFirst().orElseThrow())
                .contains("--snapshot-before 2026-11-26T00:00:00Z --snapshot-after 2026-11-20T00:00:00Z");

        // when: before the early snapshot only
        int earlyExit = canceller.run("find", "--all-projects", "--snapshot-before", "2026-11-11");

        // then
        assertThat(earlyExit).isZero();
        assertThat(output.getOut()).containsOnlyOnce(id(1));
    }

    @Test
    void aRetryAfterOnAPageIsWaitedAndThePageAskedAgain(CapturedOutput output) {
        // given
        String path = restoreJobsPath(PAYMENTS, "Cluster0");
        atlas.server().stubFor(get(urlPathEqualTo(path)).atPriority(1).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(AtlasStub.rateLimited(7)).willSetStateTo("answered"));
        serve();

        // when
        int exitCode = canceller.run("find", "--all-projects");

        // then
        assertThat(exitCode).isZero();
        assertThat(targets(output.getOut())).containsExactlyInAnyOrderElementsOf(cancellable());
        assertThat(AtlasLists.pagesRequested(atlas.server(), path)).hasSize(2);
        // the throttle's pause ends 7 s after the 429 came: the wait is what is left of it when the page is asked again
        assertThat(canceller.sleeper().waits().stream().reduce(Duration.ZERO, Duration::plus))
                .isBetween(Duration.ofSeconds(6), Duration.ofSeconds(7));
    }

    @Test
    void usageErrorsSendNothing(CapturedOutput output) throws Exception {
        // given
        serve();
        Path existing = canceller.file("tonight.csv", "kept\n");

        // when
        int neither = canceller.run("find");
        int both = canceller.run("find", "--project", PAYMENTS, "--all-projects");
        int exists = canceller.run("find", "--all-projects", "--output", existing.toString());

        // then
        assertThat(List.of(neither, both, exists)).containsOnly(2);
        assertThat(output.getErr()).contains("exists; give another --output, or --force to overwrite it");
        assertThat(Files.readString(existing)).isEqualTo("kept\n");
        assertThat(atlas.requests()).isEmpty();

        // when
        int forced = canceller.run("find", "--all-projects", "--output", existing.toString(), "--force");

        // then
        assertThat(forced).isZero();
        assertThat(targets(Files.readString(existing))).containsExactlyInAnyOrderElementsOf(cancellable());
        assertThat(output.getOut()).isEmpty();
    }

    @Test
    void withoutCredentialsNothingIsAskedOfAtlas(CapturedOutput output) throws Exception {
        // given
        serve();
        canceller.token(null);

        // when
        int exitCode = canceller.run("find", "--project", PAYMENTS);

        // then: refused before any request, as cancel refuses, saying what find needs (it has no --dry-run)
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("error: no Atlas credentials")
                .contains("--profile (find needs only the Project Read Only role on each project)").doesNotContain("--dry-run");
        assertThat(output.getOut()).isEmpty();
        assertThat(atlas.requests()).isEmpty();
    }
}
