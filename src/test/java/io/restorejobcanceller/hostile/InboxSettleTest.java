package io.restorejobcanceller.hostile;

import static io.restorejobcanceller.testing.Targets.csv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An inbox run never picks up a file that is still being written. */
@ExtendWith(OutputCaptureExtension.class)
class InboxSettleTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @Test
    void aFreshFileIsTakenOnlyAfterItHasStayedUnchangedForTheSettleTime() throws Exception {
        // given: a file written just now
        Path inbox = Files.createDirectories(canceller.directory().resolve("inbox"));
        Files.writeString(inbox.resolve("a.csv"), csv(2));

        // when
        int exitCode = canceller.with("--canceller.input.settle-time=7s").run("--input=" + inbox);

        // then: the run waited out the rest of the settle time, then ran the file
        assertThat(exitCode).isZero();
        assertThat(canceller.sleeper().waits()).anySatisfy(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(7)));
        assertThat(canceller.outcomes()).hasSize(2);
    }

    @Test
    void aFileThatKeepsChangingIsLeftForTheNextRunAndTheOthersRun(CapturedOutput output) throws Exception {
        // given: b.csv looks as if it is being written all along (modified "after now", whatever the clock says)
        Path inbox = Files.createDirectories(canceller.directory().resolve("inbox"));
        Files.writeString(inbox.resolve("a.csv"), csv(2));
        Files.setLastModifiedTime(inbox.resolve("a.csv"), FileTime.from(Instant.now().minusSeconds(60)));
        Path growing = Files.writeString(inbox.resolve("b.csv"), csv(3));
        Files.setLastModifiedTime(growing, FileTime.from(Instant.now().plus(Duration.ofDays(1))));

        // when
        int exitCode = canceller.run("--input=" + inbox);

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("warning: " + growing + " is still being written");
        assertThat(canceller.outcomes()).hasSize(2);
        assertThat(canceller.atlas().requests()).hasSize(2);
    }
}
