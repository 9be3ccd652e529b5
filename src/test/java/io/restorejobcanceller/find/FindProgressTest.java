package io.restorejobcanceller.find;

import static io.restorejobcanceller.find.FindCommandTest.ORDERS;
import static io.restorejobcanceller.find.FindCommandTest.PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.restorejobcanceller.job.StatusLine;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** find's progress on standard error: a bar on a terminal (cancel's status line), a log line per project elsewhere. */
@ExtendWith(OutputCaptureExtension.class)
class FindProgressTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    /** Standard error's terminal, as a person watching it would have seen each redraw. */
    static final class Watched implements StatusLine {
        final List<String> shown = new CopyOnWriteArrayList<>();

        @Override
        public boolean watched() {
            return true;
        }

        @Override
        public void show(String line) {
            shown.add(line);
        }
    }

    @BeforeEach
    void atlasLists() {
        canceller.with("--canceller.atlas.read-timeout=30s");
        FindCommandTest.everyKindOfRestoreJob().serveOn(canceller.atlas().server(), canceller.atlas().baseUrl());
    }

    @Test
    void onATerminalABarCountsTheProjectsClustersAndRestoreJobsSeen(CapturedOutput output) {
        // given
        Watched terminal = new Watched();
        canceller.statusLine(terminal);

        // when
        int exitCode = canceller.run("find", "--all-projects");

        // then: redrawn as each cluster and project is listed, instead of the log lines
        assertThat(exitCode).isZero();
        assertThat(terminal.shown).contains("[##########..........] 1/2 projects, 2 clusters, 9 restore jobs seen")
                .endsWith("[####################] 2/2 projects, 3 clusters, 10 restore jobs seen");
        assertThat(output.getErr()).doesNotContain("Listed project");
    }

    @Test
    void offATerminalEachProjectListedIsALogLine(CapturedOutput output) {
        // when
        int exitCode = canceller.run("find", "--all-projects");

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("Listed project " + PAYMENTS + ": 2 clusters, 9 restore jobs (1 of 2 projects, 9 restore jobs seen)")
                .contains("Listed project " + ORDERS + ": 1 clusters, 1 restore jobs (2 of 2 projects, 10 restore jobs seen)")
                .doesNotContain("[#");
    }
}
