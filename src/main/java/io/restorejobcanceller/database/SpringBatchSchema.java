package io.restorejobcanceller.database;

import java.sql.Connection;
import java.sql.SQLException;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Spring Batch's job-repository tables, created by Flyway once with the project's own tables, from the script
 * shipped in spring-batch-core. Databases made before this migration already have them (Spring Boot used to run the
 * script on every start, which logged an error per existing table): there the migration only records itself.
 */
@Component
public class SpringBatchSchema implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("4");
    }

    @Override
    public String getDescription() {
        return "spring batch job repository";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (Tables.exists(connection, "BATCH_JOB_INSTANCE")) {
            return;
        }
        String platform = DatabaseDriver.fromProductName(connection.getMetaData().getDatabaseProductName()).getId();
        ScriptUtils.executeSqlScript(connection, new ClassPathResource("org/springframework/batch/core/schema-" + platform + ".sql"));
    }

}
