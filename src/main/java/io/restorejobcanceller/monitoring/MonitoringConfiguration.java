package io.restorejobcanceller.monitoring;

import io.restorejobcanceller.sending.AtlasPauses;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class MonitoringConfiguration {

    /** Static: a bean post-processor is made before the other beans. */
    @Bean
    static RunCounting runCounting(Environment environment, ObjectProvider<RunMetrics> metrics, ObjectProvider<AtlasPauses> pauses) {
        return new RunCounting(environment, metrics, pauses);
    }
}
