package io.restorejobcanceller.monitoring.pushgateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.restorejobcanceller.testing.AtlasLists;

import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A run's metrics pushed to a real Prometheus Pushgateway and read back from its {@code /metrics} as Prometheus
 * scrapes them. Run by .ci/run, which starts one on a loopback port ({@code -Ppushgateway}).
 */
@ExtendWith(OutputCaptureExtension.class)
class PushgatewayTest {

    private static final String JOB = "restore-job-canceller";
    private static final String PROJECT = "6a0000000000000000000001";
    private static final RealPushgateway pushgateway = RealPushgateway.fromEnvironment();

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    @BeforeEach
    void pushgatewaySwitchedOn() throws Exception {
        canceller.with("--management.prometheus.metrics.export.pushgateway.enabled=true")
                .with("--management.prometheus.metrics.export.pushgateway.address=" + pushgateway.address());
        pushgateway.deleteGroup(JOB, "input", "nightly.csv");
        pushgateway.deleteGroup(JOB, "input", "find");
    }

    @Test
    void thePushedCountsAreTheResultsTables(CapturedOutput output) throws Exception {
        // given
        atlas.answer(path(2), AtlasStub.apiError(404, "RESOURCE_NOT_FOUND", "Not Found", "gone"));
        atlas.answerInTurn(path(3), AtlasStub.rateLimited(1), AtlasStub.cancelled());
        Path input = canceller.file("nightly.csv", csv(4));

        // when
        int exitCode = canceller.run("--input=" + input);

        // then
        assertThat(exitCode).isZero();
        Map<String, String> group = Map.of("job", JOB, "input", "nightly.csv");
        for (String outcome : new String[] {"CANCELLED", "NOT_FOUND"}) {
            long rows = canceller.outcomes().stream().filter(row -> outcome.equals(row.get("OUTCOME"))).count();
            assertThat(pushgateway.value("canceller_outcomes_total", with(group, "outcome", outcome))).contains((double) rows);
        }
        assertThat(pushgateway.value("canceller_rows_read_total", group)).contains(4.0);
        assertThat(pushgateway.value("canceller_requests_sent_total", group)).contains((double) atlas.requests().size());
        assertThat(pushgateway.value("canceller_atlas_rate_limited_total", group)).contains(1.0);
        assertThat(pushgateway.value("canceller_atlas_pauses_total", group)).contains(1.0);
        assertThat(pushgateway.value("canceller_exit_code", group)).contains(0.0);
        assertThat(pushgateway.value("canceller_run_duration_seconds", group)).hasValueSatisfying(seconds -> assertThat(seconds).isPositive());
        assertThat(pushgateway.value("canceller_last_success_timestamp_seconds", group)).isPresent();
        assertThat(pushgateway.value("spring_batch_job_seconds_count", group)).contains(1.0); // Spring Batch's own
        assertThat(output.getErr()).doesNotContain("Pushgateway");
    }

    @Test
    void aFailedRunPushesItsCountsAndExitCodeAndLeavesTheLastSuccessInPlace(CapturedOutput output) throws Exception {
        // given: a completed run
        Map<String, String> group = Map.of("job", JOB, "input", "nightly.csv");
        assertThat(canceller.run("--input=" + canceller.file("nightly.csv", csv(2)))).isZero();
        double lastSuccess = pushgateway.value("canceller_last_success_timestamp_seconds", group).orElseThrow();
        atlas.requireToken(path(3), "fresh-token");

        // when: the next night's file fails (the credentials are refused)
        int exitCode = canceller.run("--input=" + canceller.file("nightly.csv", csv(3)));

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(pushgateway.value("canceller_exit_code", group)).contains(1.0);
        assertThat(pushgateway.value("canceller_outcomes_total", with(group, "outcome", "DUPLICATE"))).contains(2.0); // rows 1, 2
        assertThat(pushgateway.value("canceller_last_success_timestamp_seconds", group)).contains(lastSuccess);
        assertThat(output.getErr()).doesNotContain("Pushgateway");
    }

    @Test
    void theGroupingKeyAndJobAreSpringBootsSettings() throws Exception {
        // given
        canceller.with("--management.prometheus.metrics.export.pushgateway.job=canceller-eu")
                .with("--management.prometheus.metrics.export.pushgateway.grouping-key.instance=eu-nightly")
                .with("--management.prometheus.metrics.export.pushgateway.format=text");
        pushgateway.deleteGroup("canceller-eu", "instance", "eu-nightly");

        // when
        int exitCode = canceller.run("--input=" + canceller.file("nightly.csv", csv(3)));

        // then
        assertThat(exitCode).isZero();
        assertThat(pushgateway.value("canceller_outcomes_total", Map.of("job", "canceller-eu", "instance", "eu-nightly",
                "outcome", "CANCELLED"))).contains(3.0);
    }

    @Test
    void theRestoreJobsSeenListedAndLeftOutAndTheListRequestsArePushed(CapturedOutput output) throws Exception {
        // given: one project, one cluster, 3 cancellable restore jobs, 2 finished and 1 automated; its page answered 429 once
        canceller.with("--canceller.atlas.read-timeout=30s"); // requests are counted: a slow first answer is not retried
        String timestamp = "2026-11-25T00:00:00Z";
        new AtlasLists().project(PROJECT, "payments", "Cluster0").restoreJobs(PROJECT, "Cluster0", List.of(
                        AtlasLists.job("%024x".formatted(1), "download", "running", timestamp),
                        AtlasLists.job("%024x".formatted(2), "download", "running", timestamp),
                        AtlasLists.job("%024x".formatted(3), "download", "running", timestamp),
                        AtlasLists.job("%024x".formatted(4), "download", "finished", timestamp),
                        AtlasLists.job("%024x".formatted(5), "download", "finished", timestamp),
                        AtlasLists.job("%024x".formatted(6), "automated", "running", timestamp)))
                .serveOn(atlas.server(), atlas.baseUrl());
        atlas.server().stubFor(get(urlPathEqualTo(AtlasLists.restoreJobsPath(PROJECT, "Cluster0"))).atPriority(1).inScenario("429")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(AtlasStub.rateLimited(1)).willSetStateTo("answered"));

        // when
        int exitCode = canceller.run("find", "--all-projects");

        // then: find's own counts, in its own group: 1 page of projects, 1 of clusters, 2 of restore jobs (the 429 and its retry)
        assertThat(exitCode).isZero();
        Map<String, String> group = Map.of("job", JOB, "input", "find");
        assertThat(pushgateway.value("canceller_find_restore_jobs_seen_total", group)).contains(6.0);
        assertThat(pushgateway.value("canceller_find_restore_jobs_listed_total", group)).contains(3.0);
        assertThat(pushgateway.value("canceller_find_restore_jobs_left_out_total", with(group, "reason", "finished"))).contains(2.0);
        assertThat(pushgateway.value("canceller_find_restore_jobs_left_out_total", with(group, "reason", "automated"))).contains(1.0);
        assertThat(pushgateway.value("canceller_find_list_requests_total", group)).contains(4.0);
        assertThat(pushgateway.value("canceller_exit_code", group)).contains(0.0);
        assertThat(output.getErr()).doesNotContain("Pushgateway");
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(labels);
        more.put(name, value);
        return more;
    }
}
