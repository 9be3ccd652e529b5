package io.restorejobcanceller.settings;

import java.util.HashMap;
import java.util.Map;

import io.restorejobcanceller.atlas.client.AtlasClientConfiguration;
import io.restorejobcanceller.sending.SendingProperties;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings whose value follows from others, added (with the lowest precedence) only where none is configured:
 * the database pool is sized from {@code canceller.concurrency}, and the Atlas CLI's
 * {@code MONGODB_ATLAS_OPS_MANAGER_URL} stands for {@code canceller.atlas.base-url}. Defaults themselves live in the
 * {@code @ConfigurationProperties} records only.
 */
public class DerivedSettings implements EnvironmentPostProcessor, Ordered {

    static final String BASE_URL = "canceller.atlas.base-url";
    static final String OPS_MANAGER_URL = "MONGODB_ATLAS_OPS_MANAGER_URL";
    static final String POOL_SIZE = "spring.datasource.hikari.maximum-pool-size";
    /** Besides the workers: the chunk transaction, the run lock, the job repository and some headroom. */
    private static final int OTHER_CONNECTIONS = 8;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> derived = new HashMap<>();
        String opsManagerUrl = environment.getProperty(OPS_MANAGER_URL);
        if (!environment.containsProperty(BASE_URL) && opsManagerUrl != null && !opsManagerUrl.isBlank()) {
            derived.put(BASE_URL, opsManagerUrl.strip());
        }
        if (!environment.containsProperty(POOL_SIZE)) {
            derived.put(POOL_SIZE, poolSize(environment));
        }
        environment.getPropertySources().addLast(new MapPropertySource("derivedSettings", derived));
    }

    /** Each DELETE worker and each worker recording an outcome holds a connection of its own. */
    static int poolSize(ConfigurableEnvironment environment) {
        int concurrency;
        try {
            concurrency = Binder.get(environment).bindOrCreate("canceller", SendingProperties.class).concurrency();
        } catch (RuntimeException unusable) {
            concurrency = 1; // reported when the properties are bound for real
        }
        return 2 * Math.max(1, Math.min(concurrency, AtlasClientConfiguration.MAX_CONCURRENT_REQUESTS)) + OTHER_CONNECTIONS;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
