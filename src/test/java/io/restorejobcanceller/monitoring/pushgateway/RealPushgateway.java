package io.restorejobcanceller.monitoring.pushgateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prometheus Pushgateway that .ci/run starts (Debian's prometheus-pushgateway) at the address in
 * {@value #ADDRESS_VARIABLE}; its {@code /metrics} read back as Prometheus would scrape them.
 */
final class RealPushgateway {

    static final String ADDRESS_VARIABLE = "CANCELLER_TEST_PUSHGATEWAY";
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String address;
    private final HttpClient http = HttpClient.newHttpClient();

    private RealPushgateway(String address) {
        this.address = address;
    }

    static RealPushgateway fromEnvironment() {
        String address = System.getenv(ADDRESS_VARIABLE);
        if (address == null) {
            throw new IllegalStateException(ADDRESS_VARIABLE + " is not set: run the Pushgateway tests through .ci/run");
        }
        return new RealPushgateway(address);
    }

    String address() {
        return address;
    }

    /** The value of the sample with this name whose labels include these, if the Pushgateway has it. */
    Optional<Double> value(String name, Map<String, String> labels) throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://" + address + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (String line : metrics.lines().toList()) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches() && sample.group(1).equals(name) && labels(sample.group(2)).entrySet().containsAll(labels.entrySet())) {
                return Optional.of(Double.parseDouble(sample.group(3)));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new TreeMap<>();
        if (text != null) {
            Matcher label = LABEL.matcher(text);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return labels;
    }

    /** Deletes the group of a job, so that a test starts without an earlier one's metrics. */
    void deleteGroup(String job, String label, String value) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(URI.create("http://" + address + "/metrics/job/" + job + "/" + label + "/" + value))
                .DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }
}
