package io.restorejobcanceller.monitoring;

import org.springframework.core.env.Environment;

/**
 * Whether the run's metrics leave the process, by Spring Boot's own settings: both exports are off unless one is
 * switched on (restore-job-canceller-defaults.yml turns off the OTLP export, which Spring Boot has on by default).
 */
final class MetricsExport {

    static final String PUSHGATEWAY_ENABLED = "management.prometheus.metrics.export.pushgateway.enabled";
    static final String OTLP_ENABLED = "management.otlp.metrics.export.enabled";

    private MetricsExport() {
    }

    static boolean pushgateway(Environment environment) {
        return environment.getProperty(PUSHGATEWAY_ENABLED, Boolean.class, false);
    }

    static boolean any(Environment environment) {
        return pushgateway(environment) || environment.getProperty(OTLP_ENABLED, Boolean.class, false);
    }
}
