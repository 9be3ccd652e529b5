package io.restorejobcanceller.hostile;

import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A server that closes idle keep-alive connections must not turn rows into retried, "maybe cancelled" ones. */
class StaleConnectionTest {

    private static final int ROWS = 6;

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @Test
    void connectionsClosedByTheServerWhileIdleAreNeverReusedForADelete() throws Exception {
        try (IdleClosingServer server = new IdleClosingServer(1000)) {
            // given: one request every 1.5 s, so every pooled connection has been closed by the server before its reuse
            canceller.with("--canceller.atlas.base-url=" + server.baseUrl()).with("--canceller.rate.requests-per-minute=40")
                    .with("--canceller.concurrency=2");

            // when: in a process of its own, where the rate limiter really waits
            int exitCode = canceller.start("cancel", canceller.file("in.csv", csv(ROWS)).toString()).waitForExit(120);

            // then
            assertThat(exitCode).isZero();
            assertThat(canceller.outcomes()).allSatisfy(row -> {
                assertThat(row.get("OUTCOME")).isEqualTo("CANCELLED");
                assertThat(row.get("ATTEMPTS")).isEqualTo(1);
            });
            for (int n = 1; n <= ROWS; n++) {
                assertThat(server.requestsOf(path(n))).isEqualTo(1);
            }
        }
    }
}
