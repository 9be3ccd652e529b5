package io.restorejobcanceller.sending;

import static io.restorejobcanceller.testing.TokenBuckets.RESTORE_JOB;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.restorejobcanceller.testing.AtlasLists;
import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.LoopbackAtlas;
import io.restorejobcanceller.testing.Targets;
import io.restorejobcanceller.testing.TokenBuckets.EndpointSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 23: every request follows the bucket of its own endpoint's set, as Atlas tells it — a {@code --check-first}
 * GET and find's lists as the DELETEs do — and endpoints of one set share its budget. Through the real application
 * and HTTP stack against a loopback Atlas whose sets' buckets differ (and refill in real time): not one 429. The
 * fallback rate is set high, so that a request that followed another set's budget (or none) would overrun them.
 */
class EndpointSetBudgetsTest {

    private static final List<String> PROJECTS = List.of("5e2211c17a3e5a48f5490001", "5e2211c17a3e5a48f5490002");
    private static final List<String> THREE_PROJECTS = List.of(PROJECTS.get(0), PROJECTS.get(1), "5e2211c17a3e5a48f5490003");
    private static final String V2 = "/api/atlas/v2/groups";

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    private Path input(int rowsPerProject) {
        return canceller.file("in.csv", Targets.csv(PROJECTS, rowsPerProject));
    }

    private int run(LoopbackAtlas atlas, String... args) {
        return canceller.spendingWaits().without("--canceller.rate.requests-per-minute")
                .with("--canceller.rate.fallback-requests-per-minute=6000").with("--canceller.atlas.base-url=" + atlas.baseUrl())
                .run(args);
    }

    @Test
    void checkFirstGetsFollowTheBucketOfTheirOwnSet() throws Exception {
        // given: the GET of a restore job in a set of its own, capacity 2 refilled 120 a minute; the DELETE's roomy
        try (LoopbackAtlas atlas = new LoopbackAtlas(0, 1, LoopbackAtlas.Faults.NONE, 0, 1).withEndpointSets(
                EndpointSet.of("restoreJobRead", "GROUP", "2:120", Map.of(), "GET " + RESTORE_JOB),
                EndpointSet.of("restoreJobCancel", "GROUP", "100:6000", Map.of(), "DELETE " + RESTORE_JOB))) {

            // when: 4 rows of each project, each checked first
            int exitCode = run(atlas, "cancel", "--yes", "--check-first", input(4).toString());

            // then: every row checked and cancelled without one 429 (the DELETEs' budget would have sent the GETs at once)
            assertThat(exitCode).isZero();
            assertThat(atlas.rateLimited()).isZero();
            assertThat(canceller.outcomes()).hasSize(8).allSatisfy(row -> assertThat(row.get("OUTCOME")).isEqualTo("CANCELLED"));
            assertThat(atlas.statsText()).contains("listRequests 8\n");
            // one look-up per project tells both sets: their path is the same
            assertThat(atlas.rateLimitLookups()).hasSize(2);
        }
    }

    @Test
    void aGetAndADeleteOfOneSetShareOneBudget() throws Exception {
        // given: both in one set, capacity 3 refilled 120 a minute (two budgets of it would overrun it)
        try (LoopbackAtlas atlas = new LoopbackAtlas(0, 1, LoopbackAtlas.Faults.NONE, 0, 1).withEndpointSets(
                EndpointSet.of("restoreJobs", "GROUP", "3:120", Map.of(), "GET " + RESTORE_JOB, "DELETE " + RESTORE_JOB))) {

            // when
            int exitCode = run(atlas, "cancel", "--yes", "--check-first", input(3).toString());

            // then
            assertThat(exitCode).isZero();
            assertThat(atlas.rateLimited()).isZero();
            assertThat(canceller.outcomes()).hasSize(6).allSatisfy(row -> assertThat(row.get("OUTCOME")).isEqualTo("CANCELLED"));
        }
    }

    @Test
    void findsListsFollowTheBucketsOfTheirOwnSets() throws Exception {
        // given: the projects' and the clusters' lists in sets of the organisation (capacity 2, one request a second),
        // the restore jobs' lists in one per project (capacity 2, two a second); 3 projects of 3 clusters
        AtlasLists lists = new AtlasLists();
        for (String project : THREE_PROJECTS) {
            lists.project(project, "p" + project.substring(23), "Cluster0", "Cluster1", "Cluster2");
        }
        try (LoopbackAtlas atlas = new LoopbackAtlas(0, 1, LoopbackAtlas.Faults.NONE, 0, 1).withLists(lists).withEndpointSets(
                EndpointSet.of("projects", "ORGANIZATION", "2:60", Map.of(), "GET " + V2),
                EndpointSet.of("clusters", "ORGANIZATION", "2:60", Map.of(), "GET " + V2 + "/{groupId}/clusters"),
                EndpointSet.of("restoreJobsList", "GROUP", "2:120", Map.of(),
                        "GET " + V2 + "/{groupId}/clusters/{clusterName}/backup/restoreJobs"))) {

            // when
            int exitCode = run(atlas, "find", "--all-projects");

            // then: every list read (1 of projects, 3 of clusters, 9 of restore jobs) without one 429
            assertThat(exitCode).isZero();
            assertThat(atlas.rateLimited()).isZero();
            assertThat(atlas.statsText()).contains("listRequests 13\n");
            // the projects' list asked without a project; each list of a project asked in it, the organisation's once more without
            assertThat(atlas.rateLimitLookups()).hasSize(6);
        }
    }
}
