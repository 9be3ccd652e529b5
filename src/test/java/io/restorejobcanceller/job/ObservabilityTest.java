package io.restorejobcanceller.job;

import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Progress lines, outcome counters, Spring Batch observations and structured (ECS) console logging. */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    @Test
    void progressIsLoggedWithTotalsRateCountsAndTimeLeft(CapturedOutput output) {
        // given
        atlas.answer(path(4), AtlasStub.apiError(404, "RESOURCE_NOT_FOUND", "Not Found", "gone"));
        Path input = canceller.file("in.csv", csv(6));

        // when
        int exitCode = canceller.with("--canceller.chunk-size=2").with("--canceller.progress-interval=0s").run("cancel", input.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).containsPattern("Progress: 2/6 rows \\(33%\\), [0-9.]+ rows/s, CANCELLED=2, (about [0-9]+ (s|min)( [0-9]+ s)?|under 1 s) left")
                .containsPattern("Progress: 6/6 rows \\(100%\\), [0-9.]+ rows/s, CANCELLED=5, NOT_FOUND=1");
    }

    @Test
    void outcomesAreCountedAsMetricsAndBatchObservationsAreOn() {
        // given
        atlas.answer(path(2), AtlasStub.apiError(405, "ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED", "Method Not Allowed", "no"));
        Path input = canceller.file("in.csv", csv(3));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(3);
        var meters = canceller.meters();
        assertThat(meters.get("canceller.outcomes").tag("outcome", "CANCELLED").counter().count()).isEqualTo(2.0);
        assertThat(meters.get("canceller.outcomes").tag("outcome", "REJECTED").counter().count()).isEqualTo(1.0);
        assertThat(meters.find("spring.batch.job").timers()).isNotEmpty();
        assertThat(meters.find("spring.batch.item.read").meters()).isNotEmpty();
    }

    @Test
    void theConsoleCanLogStructuredEcsJson(CapturedOutput output) {
        // given
        Path input = canceller.file("in.csv", csv(1));

        // when
        int exitCode = canceller.with("--logging.structured.format.console=ecs").run("cancel", input.toString(), "--verbose");

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr().lines().filter(line -> line.contains("restoreJobCancellationJob")))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("{\"@timestamp\":").contains("\"ecs\":{\"version\""));
    }
}
