package io.restorejobcanceller.monitoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusProperties;
import org.springframework.boot.micrometer.metrics.export.prometheus.PrometheusPushGatewayManager.ShutdownOperation;

/**
 * A Prometheus Pushgateway, as Spring Boot's {@code management.prometheus.metrics.export.pushgateway.*} settings
 * describe it (address, scheme, credentials, format, job and grouping key), spoken to directly: every exchange is
 * bounded by {@link #TIMEOUT}, so that a Pushgateway that is down or hangs never holds a run.
 */
final class Pushgateway {

    /** How long connecting, and then the answer, may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String PROTOBUF = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";

    private final PrometheusProperties.Pushgateway settings;
    private final URI group;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    Pushgateway(PrometheusProperties.Pushgateway settings, String job, Map<String, String> groupingKey) {
        this.settings = settings;
        StringBuilder path = new StringBuilder("/metrics/job").append(segment(job));
        groupingKey.forEach((label, value) -> path.append('/').append(label).append(segment(value)));
        String scheme = settings.getScheme() == PrometheusProperties.Pushgateway.Scheme.HTTPS ? "https" : "http";
        this.group = URI.create(scheme + "://" + settings.getAddress() + path);
    }

    /** A label's value as the Pushgateway takes it in a path: base64 when it holds a slash or is empty. */
    private static String segment(String value) {
        if (value.isEmpty() || value.contains("/")) {
            return "@base64/" + Base64.getUrlEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
        }
        return "/" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    URI group() {
        return group;
    }

    /**
     * Pushes the registry's metrics: {@code POST} replaces those of the same names in the group and keeps the others
     * (a failed run leaves the last success in place), {@code PUT} replaces the group, {@code DELETE} deletes it.
     *
     * @return why the push failed, if it did
     */
    Optional<String> push(PrometheusMeterRegistry registry, ShutdownOperation operation) {
        boolean text = settings.getFormat() == PrometheusProperties.Pushgateway.Format.TEXT;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(group).timeout(TIMEOUT);
            if (operation == ShutdownOperation.DELETE) {
                request.DELETE();
            } else {
                registry.scrape(body, text ? TEXT : PROTOBUF);
                request.method(operation == ShutdownOperation.PUT ? "PUT" : "POST", HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .header("Content-Type", text ? TEXT : PROTOBUF);
            }
            authorization().ifPresent(value -> request.header("Authorization", value));
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                String said = answer.body().strip().lines().findFirst().orElse("");
                return Optional.of("HTTP " + answer.statusCode() + (said.isEmpty() ? "" : ": " + said));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty(); // a periodic push given up for the last one

        }
    }

    private Optional<String> authorization() {
        if (settings.getToken() != null) {
            return Optional.of("Bearer " + settings.getToken());
        }
        if (settings.getUsername() != null) {
            String pair = settings.getUsername() + ":" + (settings.getPassword() == null ? "" : settings.getPassword());
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return Optional.empty();
    }
}
