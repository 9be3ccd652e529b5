package io.restorejobcanceller.hostile;

import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.Targets;
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
        int exitCode = canceller.with("--canceller.input.settle-time=60s").run("cancel", inbox.toString());

        // then: the run waited out the rest of the settle time (less what its start took), then ran the file
        assertThat(exitCode).isZero();
        assertThat(canceller.sleeper().waits()).anySatisfy(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60)));
        assertThat(canceller.outcomes()).hasSize(2);
    }

    @Test
    void aFileThatKeepsChangingIsLeftForTheNextRunAndTheOthersRun(CapturedOutput output) throws Exception {
        // given: b.csv is written on during every wait
        Path inbox = Files.createDirectories(canceller.directory().resolve("inbox"));
        Files.writeString(inbox.resolve("a.csv"), csv(2));
        Files.setLastModifiedTime(inbox.resolve("a.csv"), FileTime.from(Instant.now().minusSeconds(3600)));
        Path growing = Files.writeString(inbox.resolve("b.csv"), csv(3));
        canceller.sleeper().whileAsleep(() -> append(growing, "\n"));

        // when
        int exitCode = canceller.with("--canceller.input.settle-time=60s").run("cancel", inbox.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("warning: " + growing + " is still being written");
        assertThat(canceller.outcomes()).hasSize(2);
        assertThat(canceller.atlas().requests()).hasSize(2);
    }

    @Test
    void aFileDatedInTheFutureIsTakenOnceSeenUnchangedForTheSettleTime() throws Exception {
        // given: a file copied with `cp -p` from a host whose clock is a day ahead
        Path inbox = Files.createDirectories(canceller.directory().resolve("inbox"));
        Path skewed = Files.writeString(inbox.resolve("a.csv"), csv(2));
        Files.setLastModifiedTime(skewed, FileTime.from(Instant.now().plus(Duration.ofDays(1))));

        // when
        int exitCode = canceller.with("--canceller.input.settle-time=7s").run("cancel", inbox.toString());

        // then: one settle time of watching (less a moment), then the file ran
        assertThat(exitCode).isZero();
        assertThat(canceller.sleeper().waits()).singleElement().satisfies(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(7)));
        assertThat(canceller.outcomes()).hasSize(2);
        assertThat(canceller.atlas().deletesOf(path(1))).isEqualTo(1);
        assertThat(canceller.atlas().deletesOf(path(2))).isEqualTo(1);
    }

    @Test
    void aFileRemovedBeforeItsTurnIsSkippedWithAWarningAndTheFilesAfterItRun(CapturedOutput output) throws Exception {
        // given: a.csv is fresh (the run waits for it) and b.csv is removed meanwhile; c.csv is ready
        Path inbox = Files.createDirectories(canceller.directory().resolve("inbox"));
        Files.writeString(inbox.resolve("a.csv"), csv(1));
        Path removed = Files.writeString(inbox.resolve("b.csv"), "groupId,clusterName,restoreJobId\n" + Targets.row(2) + "\n");
        Files.writeString(inbox.resolve("c.csv"), "groupId,clusterName,restoreJobId\n" + Targets.row(3) + "\n");
        Files.setLastModifiedTime(inbox.resolve("c.csv"), FileTime.from(Instant.now().minusSeconds(3600)));
        canceller.sleeper().whileAsleep(() -> delete(removed));

        // when
        int exitCode = canceller.with("--canceller.input.settle-time=60s").run("cancel", inbox.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("warning: " + removed + " was removed from the inbox before its turn; skipped");
        assertThat(output.getErr()).doesNotContain("error:");
        assertThat(canceller.atlas().deletesOf(path(1))).isEqualTo(1);
        assertThat(canceller.atlas().deletesOf(path(2))).isZero();
        assertThat(canceller.atlas().deletesOf(path(3))).isEqualTo(1);
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
