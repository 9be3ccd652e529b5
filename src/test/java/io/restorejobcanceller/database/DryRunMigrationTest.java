package io.restorejobcanceller.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Rows recorded before the DRY_RUN column existed take it from their job execution's parameters (migration V5). */
class DryRunMigrationTest {

    @TempDir
    Path directory;

    @Test
    void rowsOfEarlierDryRunsAreMarkedAsSuch() {
        // given: a results database as the previous version left it (migrations 1 to 4), with a dry run and a real run
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:file:" + directory.resolve("db"), "sa", "");
        Flyway.configure().dataSource(dataSource).javaMigrations(new SpringBatchSchema()).target("4").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        for (long execution = 1; execution <= 2; execution++) {
            jdbc.sql("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) VALUES (?, 0, 'cancel', ?)")
                    .params(execution, "key" + execution).update();
            jdbc.sql("INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME, STATUS) "
                    + "VALUES (?, 0, ?, CURRENT_TIMESTAMP, 'COMPLETED')").params(execution, execution).update();
            jdbc.sql("INSERT INTO BATCH_JOB_EXECUTION_PARAMS (JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE, PARAMETER_VALUE, "
                    + "IDENTIFYING) VALUES (?, 'dry-run', 'java.lang.Boolean', ?, 'Y')").params(execution, execution == 1 ? "true" : "false").update();
            jdbc.sql("INSERT INTO CANCELLATION_OUTCOME (JOB_EXECUTION_ID, JOB_INSTANCE_ID, INPUT_FILE, LINE_NUMBER, OUTCOME, ATTEMPTS, "
                    + "RECORDED_AT) VALUES (?, ?, '/in.csv', 2, ?, 0, CURRENT_TIMESTAMP)")
                    .params(execution, execution, execution == 1 ? "PLANNED" : "CANCELLED").update();
        }

        // when
        Flyway.configure().dataSource(dataSource).javaMigrations(new SpringBatchSchema()).load().migrate();

        // then
        assertThat(jdbc.sql("SELECT OUTCOME || ' ' || DRY_RUN FROM CANCELLATION_OUTCOME ORDER BY JOB_EXECUTION_ID")
                .query(String.class).list()).containsExactly("PLANNED TRUE", "CANCELLED FALSE");
    }
}
