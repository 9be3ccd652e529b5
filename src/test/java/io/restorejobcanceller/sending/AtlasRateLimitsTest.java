package io.restorejobcanceller.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.LoopbackAtlas;
import io.restorejobcanceller.testing.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 23 through the real application and HTTP stack: with no rate configured, a run asks a loopback Atlas whose
 * token buckets differ per project (or are one shared by the organisation) for them, and sends within them: not one
 * 429. The fallback rate (100 a minute per project) would overrun the small buckets these stubs have.
 */
@ExtendWith(OutputCaptureExtension.class)
class AtlasRateLimitsTest {

    private static final String SMALL = "5e2211c17a3e5a48f5490003";
    private static final List<String> PROJECTS = List.of("5e2211c17a3e5a48f5490001", "5e2211c17a3e5a48f5490002", SMALL);

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    private Path input(int rowsPerProject) {
        return canceller.file("in.csv", Targets.csv(PROJECTS, rowsPerProject));
    }

    private int run(LoopbackAtlas atlas, Path input) {
        return canceller.without("--canceller.rate.requests-per-minute").with("--canceller.atlas.base-url=" + atlas.baseUrl())
                .run("cancel", "--yes", input.toString());
    }

    @Test
    void eachProjectFollowsItsOwnBucketAsAtlasTellsIt(CapturedOutput output) throws Exception {
        // given: two projects with capacity 10 refilled 600 a minute, one with capacity 2 refilled 60 a minute
        try (LoopbackAtlas atlas = new LoopbackAtlas(0, 1, LoopbackAtlas.Faults.NONE, 0, 1)
                .withBuckets("10:600", Map.of(SMALL, "2:60"), false)) {

            // when: 6 rows of each project (the small one's: a burst of 2, then 4 s)
            int exitCode = run(atlas, input(6));

            // then: every row cancelled without one 429; each project asked once, as the API wants it
            assertThat(exitCode).isZero();
            assertThat(atlas.rateLimited()).isZero();
            assertThat(canceller.outcomes()).hasSize(18).allSatisfy(row -> assertThat(row.get("OUTCOME")).isEqualTo("CANCELLED"));
            assertThat(atlas.rateLimitLookups()).hasSize(3).allSatisfy(lookup -> assertThat(lookup)
                    .contains("endpointPath=%2Fapi%2Fatlas%2Fv2%2Fgroups%2F%7BgroupId%7D%2Fclusters%2F%7BclusterName%7D"
                            + "%2Fbackup%2FrestoreJobs%2F%7BrestoreJobId%7D", "pageNum=1")
                    .endsWith(" | application/vnd.atlas.2025-03-12+json"));
            assertThat(atlas.rateLimitLookups()).anySatisfy(lookup -> assertThat(lookup).startsWith("groupId=" + SMALL + "&"));
            assertThat(output.getErr()).contains("Plan: 18 rows of in.csv, 18 valid, naming 3 projects (3 clusters);"
                    + " Atlas: 600 per 60 s per project (capacity 10) for 2 projects, Atlas: 60 per 60 s per project (capacity 2)"
                    + " for 1 project, this takes at least 4 s; at ");
        }
    }

    @Test
    void anOrganisationsBucketIsOneBudgetForEveryProject(CapturedOutput output) throws Exception {
        // given: one bucket for the organisation, capacity 3 refilled 120 a minute (per-project budgets would overrun it)
        try (LoopbackAtlas atlas = new LoopbackAtlas(0, 1, LoopbackAtlas.Faults.NONE, 0, 1)
                .withBuckets("3:120", Map.of(), true)) {

            // when: 3 rows of each of 3 projects (a burst of 3, then 6 at 2 a second)
            int exitCode = run(atlas, input(3));

            // then
            assertThat(exitCode).isZero();
            assertThat(atlas.rateLimited()).isZero();
            assertThat(canceller.outcomes()).hasSize(9).allSatisfy(row -> assertThat(row.get("OUTCOME")).isEqualTo("CANCELLED"));
            // the project's look-up finds no GROUP set, the one without a project the organisation's: asked once
            assertThat(atlas.rateLimitLookups()).hasSize(2);
            assertThat(output.getErr()).contains("; Atlas: 120 per 60 s shared by the organisation (capacity 3), this takes at least 3 s; at ");
        }
    }

    @Test
    void aRateLimitedLookUpIsAskedAgainAfterItsRetryAfter(CapturedOutput output) throws Exception {
        // given: the first look-up answered 429 with Retry-After 1 (the look-ups have a bucket of their own)
        try (LoopbackAtlas atlas = new LoopbackAtlas(0, 1, LoopbackAtlas.Faults.NONE, 0, 1)
                .withBuckets("10:600", Map.of(), false).rateLimitingLookUps(1)) {

            // when
            int exitCode = run(atlas, input(1));

            // then: that look-up asked again after its Retry-After, and the run follows every project's bucket
            assertThat(exitCode).isZero();
            assertThat(atlas.rateLimitLookups()).hasSize(4);
            assertThat(canceller.sleeper().waits()).contains(Duration.ofSeconds(1));
            assertThat(output.getErr()).contains("; Atlas: 600 per 60 s per project (capacity 10); at ").doesNotContain("would not tell");
        }
    }

    @Test
    void aRefusedLookUpFallsBackSaysSoOnceAndTheRunGoesOn(CapturedOutput output) throws Exception {
        // given: credentials without Project Read Only
        try (LoopbackAtlas atlas = new LoopbackAtlas(0, 1, LoopbackAtlas.Faults.NONE, 0, 1).refusingRateLimits()) {

            // when
            int exitCode = run(atlas, input(1));

            // then: asked once, the other projects not asked; every row cancelled at the fallback rate
            assertThat(exitCode).isZero();
            assertThat(atlas.rateLimitLookups()).hasSize(1);
            assertThat(canceller.outcomes()).hasSize(3).allSatisfy(row -> assertThat(row.get("OUTCOME")).isEqualTo("CANCELLED"));
            assertThat(output.getErr().lines().filter(line -> line.contains("would not tell"))).singleElement().asString()
                    .contains("; Atlas would not tell (403 USER_UNAUTHORIZED): 100 per minute per project; at ");
        }
    }
}
