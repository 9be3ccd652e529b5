package io.restorejobcanceller.job;

import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.LoopbackAtlas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Concurrent DELETEs keep every guarantee: bounded in flight, one outcome per row, a 401 stops dispatching. */
class ConcurrencyTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    @Test
    void atMostConcurrencyDeletesAreInFlightAndEachRowIsSentOnce() throws Exception {
        // given
        try (LoopbackAtlas slow = new LoopbackAtlas(0, 50, LoopbackAtlas.Faults.NONE, 0, 1)) {
            Path input = canceller.file("in.csv", csv(60));

            // when
            int exitCode = canceller.with("--canceller.atlas.base-url=" + slow.baseUrl())
                    .with("--canceller.concurrency=4").with("--canceller.chunk-size=25").run("cancel", input.toString());

            // then
            assertThat(exitCode).isZero();
            assertThat(slow.maxInFlight()).isBetween(3, 4);
            assertThat(slow.requests()).isEqualTo(60);
            for (int n = 1; n <= 60; n++) {
                assertThat(slow.deletes(path(n))).isEqualTo(1);
            }
            assertThat(canceller.outcomes()).hasSize(60);
        }
    }

    @Test
    void a401StopsDispatchingAndOnlyTheDeletesAlreadyInFlightAreSent() {
        // given: from target 30 on, Atlas refuses the token
        for (int n = 30; n <= 300; n++) {
            atlas.requireToken(path(n), "fresh-token");
        }
        Path input = canceller.file("in.csv", csv(300));

        // when
        int exitCode = canceller.token("stale-token").with("--canceller.concurrency=8").run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(atlas.requests().size()).isLessThanOrEqualTo(29 + 8);
        assertThat(canceller.outcomes()).extracting(row -> row.get("OUTCOME")).containsOnly("CANCELLED").hasSize(29);

        // when
        int restartExit = canceller.token("fresh-token").run("cancel", input.toString());

        // then
        assertThat(restartExit).isZero();
        assertThat(canceller.outcomes()).hasSize(300);
        for (int n = 1; n <= 29; n++) {
            assertThat(atlas.deletesOf(path(n))).isEqualTo(1);
        }
    }

    @Test
    void theSkipLimitHoldsUnderConcurrency() {
        // given: targets 10 to 60 rejected, limit 5
        for (int n = 10; n <= 60; n++) {
            atlas.answer(path(n), AtlasStub.apiError(405, "ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED", "Method Not Allowed", "no"));
        }
        Path input = canceller.file("in.csv", csv(100));

        // when
        int exitCode = canceller.with("--canceller.skip-limit=5").with("--canceller.concurrency=8").run("cancel", input.toString());

        // then: stopped after the sixth rejection, with at most the DELETEs then in flight on top
        assertThat(exitCode).isEqualTo(1);
        long rejected = canceller.outcomes().stream().filter(row -> "REJECTED".equals(row.get("OUTCOME"))).count();
        assertThat(rejected).isBetween(6L, 6L + 8);
        assertThat(atlas.requests().size()).isLessThan(9 + 6 + 8 + 1);
    }
}
