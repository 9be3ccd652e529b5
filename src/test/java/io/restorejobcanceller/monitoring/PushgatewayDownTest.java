package io.restorejobcanceller.monitoring;

import static io.restorejobcanceller.testing.Targets.csv;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;

import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.SilentServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A Pushgateway that is down or hangs: one warning line, the same exit code, every row done. */
@ExtendWith(OutputCaptureExtension.class)
class PushgatewayDownTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @Test
    void anUnreachablePushgatewayIsOneWarningAndChangesNoExitCode(CapturedOutput output) throws Exception {
        // given: a loopback port nobody listens on
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        canceller.with("--management.prometheus.metrics.export.pushgateway.enabled=true")
                .with("--management.prometheus.metrics.export.pushgateway.address=127.0.0.1:" + closed);

        // when
        int exitCode = canceller.run("--input=" + canceller.file("in.csv", csv(3)));

        // then
        assertThat(exitCode).isZero();
        assertThat(canceller.outcomes()).hasSize(3);
        assertThat(output.getErr().lines().filter(line -> line.contains("Pushgateway")))
                .singleElement().asString().startsWith("warning: metrics not pushed to the Pushgateway at http://127.0.0.1:" + closed
                        + "/metrics/job/restore-job-canceller/input/in.csv (ConnectException");
    }

    @Test
    void aHangingPushgatewayIsGivenUpAfterItsTimeoutAndChangesNoExitCode(CapturedOutput output) throws Exception {
        try (SilentServer silent = new SilentServer()) {
            // given
            canceller.with("--management.prometheus.metrics.export.pushgateway.enabled=true")
                    .with("--management.prometheus.metrics.export.pushgateway.address=127.0.0.1:" + silent.port());

            // when
            int exitCode = canceller.run("--input=" + canceller.file("in.csv", csv(3)));

            // then: the last push was sent and given up, not waited for
            assertThat(exitCode).isZero();
            assertThat(silent.acceptedConnections()).isPositive();
            assertThat(output.getErr().lines().filter(line -> line.contains("Pushgateway")))
                    .singleElement().asString().contains("(HttpTimeoutException: request timed out); the run itself is not affected");
        }
    }
}
