package io.restorejobcanceller.monitoring.pushgateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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

/** A find's own counts pushed to a real Prometheus Pushgateway (-Ppushgateway), in the group of the command. */
@ExtendWith(OutputCaptureExtension.class)
class FindPushTest {

    private static final String JOB = "restore-job-canceller";
    private static final String PROJECT = "6a0000000000000000000001";
    private static final RealPushgateway pushgateway = RealPushgateway.fromEnvironment();

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    @BeforeEach
    void pushgatewaySwitchedOn() throws Exception {
        canceller.with("--management.prometheus.metrics.export.pushgateway.enabled=true")
                .with("--management.prometheus.metrics.export.pushgateway.address=" + pushgateway.address())
                .with("--canceller.atlas.read-timeout=30s");
        pushgateway.deleteGroup(JOB, "input", "find");
    }

    @Test
    void theRestoreJobsSeenListedAndLeftOutAndTheListRequestsArePushed(CapturedOutput output) throws Exception {
        // given: one project, one cluster, 3 cancellable restore jobs, 2 finished and 1 automated; its page answered 429 once
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

        // then: 1 page of projects, 1 of clusters, 2 of restore jobs (the 429 and its retry)
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

    private static Map<String, String> with(Map<String, String> group, String label, String value) {
        Map<String, String> labels = new HashMap<>(group);
        labels.put(label, value);
        return labels;
    }
}
