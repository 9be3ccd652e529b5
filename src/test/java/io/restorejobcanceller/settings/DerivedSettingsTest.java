package io.restorejobcanceller.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DerivedSettingsTest {

    private static StandardEnvironment derivedFrom(Map<String, Object> configured) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("configured", configured));
        new DerivedSettings().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void theDatabasePoolFollowsTheDefaultConcurrency() {
        assertThat(derivedFrom(Map.of()).getProperty(DerivedSettings.POOL_SIZE)).isEqualTo("24");
    }

    @Test
    void theDatabasePoolFollowsTheConfiguredConcurrency() {
        assertThat(derivedFrom(Map.of("canceller.concurrency", "32")).getProperty(DerivedSettings.POOL_SIZE)).isEqualTo("72");
    }

    @Test
    void aConfiguredPoolSizeWins() {
        assertThat(derivedFrom(Map.of(DerivedSettings.POOL_SIZE, "5")).getProperty(DerivedSettings.POOL_SIZE)).isEqualTo("5");
    }

    @Test
    void theAtlasCliBaseUrlVariableStandsForTheBaseUrl() {
        assertThat(derivedFrom(Map.of(DerivedSettings.OPS_MANAGER_URL, "https://cloud.mongodbgov.com"))
                .getProperty(DerivedSettings.BASE_URL)).isEqualTo("https://cloud.mongodbgov.com");
    }

    @Test
    void aConfiguredBaseUrlWinsOverTheAtlasCliVariable() {
        assertThat(derivedFrom(Map.of(DerivedSettings.OPS_MANAGER_URL, "https://cloud.mongodbgov.com",
                DerivedSettings.BASE_URL, "https://example.test")).getProperty(DerivedSettings.BASE_URL))
                .isEqualTo("https://example.test");
    }
}
