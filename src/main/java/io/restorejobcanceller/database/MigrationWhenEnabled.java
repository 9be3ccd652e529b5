package io.restorejobcanceller.database;

import org.flywaydb.core.Flyway;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Migrates only where {@code spring.flyway.enabled} allows it at run time. The launcher runs Spring's build-time (AOT)
 * bean definitions, in which Boot's condition on that setting was decided when the jar was built, so {@code report}
 * and {@code query}, which turn it off (they never write), would still migrate: on a database an older version wrote,
 * a read-only one, that was a failed migration instead of the line saying what upgrades it.
 */
@Component
class MigrationWhenEnabled implements FlywayMigrationStrategy {

    private static final String ENABLED = "spring.flyway.enabled";

    private final Environment environment;

    MigrationWhenEnabled(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void migrate(Flyway flyway) {
        if (environment.getProperty(ENABLED, Boolean.class, true)) {
            flyway.migrate();
        }
    }
}
