package io.restorejobcanceller.monitoring;

import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What goes to the Pushgateway and how, seen by a loopback server that records each request. */
@ExtendWith(OutputCaptureExtension.class)
class PushgatewayExchangeTest {

    private static final String ENABLED = "--management.prometheus.metrics.export.pushgateway.enabled=true";

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer recorder;

    @BeforeEach
    void recorder() throws IOException {
        recorder = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        recorder.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        recorder.start();
        canceller.with(ENABLED).with("--management.prometheus.metrics.export.pushgateway.address=127.0.0.1:"
                + recorder.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        recorder.stop(0);
    }

    @ParameterizedTest
    @CsvSource({"post, POST", "put, PUT", "delete, DELETE"})
    void theLastPushIsTheShutdownOperation(String operation, String method) {
        // given
        canceller.with("--management.prometheus.metrics.export.pushgateway.shutdown-operation=" + operation);

        // when
        int exitCode = canceller.run("--input=" + canceller.file("in.csv", csv(2)));

        // then
        assertThat(exitCode).isZero();
        assertThat(requests).containsExactly(method + " /metrics/job/restore-job-canceller/input/in.csv null");
    }

    @Test
    void aLongRunPushesEveryPushRate() {
        // given: a row that takes a second, pushes every 100 ms
        canceller.atlas().answer(path(2), AtlasStub.cancelled().withFixedDelay(1000));
        canceller.with("--management.prometheus.metrics.export.pushgateway.push-rate=100ms");

        // when
        int exitCode = canceller.run("--input=" + canceller.file("in.csv", csv(2)));

        // then: pushes during the run, then the last one
        assertThat(exitCode).isZero();
        assertThat(requests).hasSizeGreaterThan(2).allSatisfy(request -> assertThat(request).startsWith("POST "));
    }

    @ParameterizedTest
    @CsvSource({"username=ops, password=secret, Basic b3BzOnNlY3JldA==", "token=t0ken, , Bearer t0ken"})
    void theCredentialsAreSpringBootsSettings(String first, String second, String authorization) {
        // given
        canceller.with("--management.prometheus.metrics.export.pushgateway." + first);
        if (second != null) {
            canceller.with("--management.prometheus.metrics.export.pushgateway." + second);
        }

        // when
        int exitCode = canceller.run("--input=" + canceller.file("in.csv", csv(1)));

        // then
        assertThat(exitCode).isZero();
        assertThat(requests).singleElement().asString().endsWith(" " + authorization);
    }

    @Test
    void aReportPushesNothing(CapturedOutput output) {
        // given
        assertThat(canceller.run("--input=" + canceller.file("in.csv", csv(1)))).isZero();
        requests.clear();

        // when
        int exitCode = canceller.run("report");

        // then
        assertThat(exitCode).isZero();
        assertThat(requests).isEmpty();
    }
}
