package io.restorejobcanceller.hostile;

import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An outcome that cannot be recorded stops the run at once, naming the row; data never makes recording fail. */
@ExtendWith(OutputCaptureExtension.class)
class RecordingFailureTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    @Test
    void anOutcomeTheDatabaseRefusesStopsDispatchingAndNamesTheRow(CapturedOutput output) {
        // given: the database will not take line 5 (target 4), as a full disk or a broken database would not
        assertThat(canceller.run("cancel", canceller.file("warm.csv", csv(1)).toString(), "--dry-run")).isZero();
        canceller.database().sql("ALTER TABLE CANCELLATION_OUTCOME ADD CONSTRAINT NOT_LINE_5 CHECK (LINE_NUMBER <> 5)").update();
        for (int n = 5; n <= 10; n++) {
            atlas.answer(path(n), AtlasStub.cancelled().withFixedDelay(300)); // what was dispatched meanwhile is still in flight
        }

        // when
        int exitCode = canceller.with("--canceller.concurrency=1").run("cancel", canceller.file("in.csv", csv(10)).toString());

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getOut()).contains("Failed: could not record the outcome of line 5 (CANCELLED, after its request was"
                + " answered)").contains("this row's DELETE will be sent again when the run is restarted");
        assertThat(atlas.deletesOf(path(5))).as("the one DELETE in flight when recording failed").isLessThanOrEqualTo(1);
        for (int n = 6; n <= 10; n++) {
            assertThat(atlas.deletesOf(path(n))).as("DELETEs of target " + n + ", after the failure").isZero();
        }
    }

    @Test
    void anInputPathLongerThanTheResultsTableKeepsIsRefusedBeforeAnyDelete(CapturedOutput output) throws Exception {
        // given
        Path deep = canceller.directory();
        for (int i = 0; i < 5; i++) {
            deep = deep.resolve(String.valueOf((char) ('a' + i)).repeat(250));
        }
        Files.createDirectories(deep);
        Path input = Files.writeString(deep.resolve("in.csv"), csv(2));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("has a path longer than 1024 characters");
        assertThat(atlas.requests()).isEmpty();
    }
}
