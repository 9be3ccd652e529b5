package io.restorejobcanceller.monitoring;

import static io.restorejobcanceller.testing.Targets.csv;
import static org.assertj.core.api.Assertions.assertThat;

import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Spring Boot's monitoring settings go through the command line's settings check like any other: a typo is refused. */
@ExtendWith(OutputCaptureExtension.class)
class MonitoringSettingsTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @ParameterizedTest
    @CsvSource({
            "management.prometheus.metrics.export.pushgateway.adress, management.prometheus.metrics.export.pushgateway.address",
            "management.prometheus.metrics.export.pushgateway.shutdown-operaton, management.prometheus.metrics.export.pushgateway.shutdown-operation",
            "management.otlp.metrics.export.ulr, management.otlp.metrics.export.url"})
    void aMistypedMonitoringSettingIsRefusedBeforeAnythingIsSent(String typo, String meant, CapturedOutput output) {
        // when
        int exitCode = canceller.run("--input=" + canceller.file("in.csv", csv(2)), "--" + typo + "=127.0.0.1:9091");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(canceller.atlas().requests()).isEmpty();
        assertThat(output.getErr()).contains("unknown setting --" + typo + " (did you mean --" + meant + "?)");
    }
}
