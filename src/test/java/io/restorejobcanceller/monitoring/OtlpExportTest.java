package io.restorejobcanceller.monitoring;

import static io.restorejobcanceller.testing.Targets.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A run's metrics over OTLP, by Spring Boot's management.otlp.metrics.export.* settings, to a loopback receiver. */
class OtlpExportTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private final List<ExportMetricsServiceRequest> received = new CopyOnWriteArrayList<>();
    private final List<String> tenants = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @BeforeEach
    void receiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/v1/metrics", exchange -> {
            received.add(ExportMetricsServiceRequest.parseFrom(exchange.getRequestBody().readAllBytes()));
            tenants.add(exchange.getRequestHeaders().getFirst("X-Tenant"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void theRunsCountsExitCodeAndLastSuccessReachTheReceiver() {
        // given
        canceller.with("--management.otlp.metrics.export.enabled=true")
                .with("--management.otlp.metrics.export.url=http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/metrics")
                .with("--management.otlp.metrics.export.headers.X-Tenant=night");

        // when
        int exitCode = canceller.run("--input=" + canceller.file("in.csv", csv(3)));

        // then: the push when the run closed carries the final values
        assertThat(exitCode).isZero();
        assertThat(tenants).isNotEmpty().allMatch("night"::equals);
        ExportMetricsServiceRequest last = received.get(received.size() - 1);
        assertThat(last.getResourceMetrics(0).getResource().getAttributesList())
                .anySatisfy(attribute -> assertThat(attribute.getKey() + "=" + attribute.getValue().getStringValue())
                        .isEqualTo("service.name=restore-job-canceller"));
        Map<String, Metric> metrics = last.getResourceMetricsList().stream()
                .flatMap(resource -> resource.getScopeMetricsList().stream()).flatMap(scope -> scope.getMetricsList().stream())
                .collect(Collectors.toMap(Metric::getName, metric -> metric, (a, b) -> b));
        NumberDataPoint cancelled = metrics.get("canceller.outcomes").getSum().getDataPoints(0);
        assertThat(cancelled.getAttributesList()).extracting(KeyValue::getKey, attribute -> attribute.getValue().getStringValue())
                .containsExactly(tuple("outcome", "CANCELLED"));
        assertThat(cancelled.getAsDouble()).isEqualTo(3.0);
        assertThat(metrics.get("canceller.rows.read").getSum().getDataPoints(0).getAsDouble()).isEqualTo(3.0);
        assertThat(metrics.get("canceller.requests.sent").getSum().getDataPoints(0).getAsDouble()).isEqualTo(3.0);
        assertThat(metrics.get("canceller.exit.code").getGauge().getDataPoints(0).getAsDouble()).isZero();
        assertThat(metrics.get("canceller.last.success.timestamp").getGauge().getDataPoints(0).getAsDouble()).isPositive();
    }
}
