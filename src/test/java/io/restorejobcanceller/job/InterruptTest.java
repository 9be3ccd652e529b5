package io.restorejobcanceller.job;

import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.CancellerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Ctrl-C (SIGINT) in the middle of a run: the documented exit code 130, and the same command finishes it. */
@ExtendWith(OutputCaptureExtension.class)
class InterruptTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();
    private static final Pattern PROGRESS = Pattern.compile("Progress: (\\d+)/20 rows .*CANCELLED=(\\d+)");

    @Test
    void ctrlCStopsTheRunWithExitCode130AndTheSameCommandResumesItCountingWhatWasDone(CapturedOutput output) throws Exception {
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
        long recorded = canceller.outcomes().size();
        int againExit = canceller.with("--canceller.progress-interval=0s").run("cancel", input.toString());

        // then: stopped in plain words; resumed with what was done counted, each target sent once
        assertThat(exitCode).isEqualTo(130);
        assertThat(process.output()).anyMatch(line -> line.startsWith("Stopped: on request (SIGTERM or Ctrl-C)"))
                .noneMatch(line -> line.contains("Job interrupted") || line.contains("chunk"));
        assertThat(output.getAll()).contains("Plan: resume job execution 1 of in.csv (STOPPED): " + recorded
                + " of its 20 rows are recorded and not sent again, " + (20 - recorded) + " left");
        List<Matcher> progress = output.getAll().lines().map(PROGRESS::matcher).filter(Matcher::find).toList();
        assertThat(progress).isNotEmpty().allSatisfy(line -> assertThat(line.group(2)).isEqualTo(line.group(1)));
        assertThat(againExit).isZero();
        assertThat(canceller.outcomes()).hasSize(20);
        for (int n = 1; n <= 20; n++) {
            assertThat(atlas.deletesOf(path(n))).as("DELETEs of target %d", n).isEqualTo(1);
        }
    }
}
