package io.restorejobcanceller.job;

import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.CancellerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ctrl-C (SIGINT) in the middle of a run: the documented exit code 130, and the same command finishes it. */
class InterruptTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    @Test
    void ctrlCStopsTheRunWithExitCode130AndTheSameCommandFinishesIt() throws Exception {
        // given
        for (int n = 1; n <= 20; n++) {
            atlas.answer(path(n), AtlasStub.cancelled().withFixedDelay(200));
        }
        Path input = canceller.file("in.csv", csv(20));
        // a read timeout far above the answers' delay: a retried DELETE would be a retry, not what this test is about
        CancellerProcess process = canceller.with("--canceller.chunk-size=50").with("--canceller.atlas.read-timeout=60s")
                .start("cancel", input.toString());
        process.awaitOutput("Cancelling restore jobs from", 60);
        while (atlas.requests().size() < 3) {
            Thread.sleep(20);
        }

        // when
        process.sigint();
        int exitCode = process.waitForExit(60);
        int againExit = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(130);
        assertThat(againExit).isZero();
        assertThat(canceller.outcomes()).hasSize(20);
        for (int n = 1; n <= 20; n++) {
            assertThat(atlas.deletesOf(path(n))).as("DELETEs of target %d", n).isEqualTo(1);
        }
    }
}
