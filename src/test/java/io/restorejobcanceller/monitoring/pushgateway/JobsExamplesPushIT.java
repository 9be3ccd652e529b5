package io.restorejobcanceller.monitoring.pushgateway;

import static io.restorejobcanceller.testing.Targets.csv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.Launcher;
import io.restorejobcanceller.testing.Launcher.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Pushgateway settings that jobs/ shows commented out, switched on as written (environment variables) and run
 * through the launcher as the scheduler runs it, the Pushgateway's address aside: the real Pushgateway gets the run.
 */
class JobsExamplesPushIT {

    private static final Pattern SETTING = Pattern.compile(
            "(MANAGEMENT_[A-Z_]+)(?:=|\\s*\\n\\s*#\\s*value:\\s*)\"?([^\"\\s]+)\"?");
    private static final RealPushgateway pushgateway = RealPushgateway.fromEnvironment();
    private static final AtlasStub atlas = new AtlasStub();

    @TempDir
    Path home;

    @AfterAll
    static void stopAtlas() {
        atlas.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jobs/crontab", "jobs/systemd/restore-job-canceller.service", "jobs/kubernetes/cronjob.yaml"})
    void theCommentedPushgatewaySettingsPushTheRun(String example) throws Exception {
        // given: the example's settings, an inbox named after it
        Map<String, String> settings = new LinkedHashMap<>();
        Matcher found = SETTING.matcher(Files.readString(Path.of(example)));
        while (found.find()) {
            settings.put(found.group(1), found.group(2));
        }
        assertThat(settings).containsEntry("MANAGEMENT_PROMETHEUS_METRICS_EXPORT_PUSHGATEWAY_ENABLED", "true")
                .containsKey("MANAGEMENT_PROMETHEUS_METRICS_EXPORT_PUSHGATEWAY_ADDRESS");
        settings.put("MANAGEMENT_PROMETHEUS_METRICS_EXPORT_PUSHGATEWAY_ADDRESS", pushgateway.address());
        String inboxName = "inbox-" + Path.of(example).getFileName().toString().replace('.', '-');
        Path inbox = Files.createDirectories(home.resolve(inboxName));
        Files.writeString(inbox.resolve("tonight.csv"), csv(3));
        pushgateway.deleteGroup("restore-job-canceller", "input", inboxName);
        Launcher launcher = new Launcher(home).env("MONGODB_ATLAS_ACCESS_TOKEN", "token")
                .env("CANCELLER_ATLAS_BASEURL", atlas.baseUrl()).env("CANCELLER_INPUT_SETTLETIME", "0s");
        settings.forEach(launcher::env);

        // when
        Result run = launcher.run("cancel", inbox.toString());

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, String> group = Map.of("job", "restore-job-canceller", "input", inboxName);
        assertThat(pushgateway.value("canceller_outcomes_total", Map.of("job", "restore-job-canceller", "input", inboxName,
                "outcome", "CANCELLED"))).contains(3.0);
        assertThat(pushgateway.value("canceller_last_success_timestamp_seconds", group)).isPresent();
        assertThat(run.err()).doesNotContain("Pushgateway");
    }
}
