package io.restorejobcanceller.settings;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans are made lazily (restore-job-canceller-defaults.yml: a run does not pay for what only a report uses), but settings are bound
 * and validated at start-up all the same: a bad value must stop the process before anything is sent, with exit 2.
 */
@Configuration(proxyBeanMethods = false)
class EagerSettings {

    @Bean
    static LazyInitializationExcludeFilter settingsAreBoundAtStartUp() {
        return (name, definition, type) -> type.isAnnotationPresent(ConfigurationProperties.class);
    }
}
