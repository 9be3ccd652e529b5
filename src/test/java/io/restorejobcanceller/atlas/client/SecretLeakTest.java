package io.restorejobcanceller.atlas.client;

import io.restorejobcanceller.atlas.AuthenticationTest;


import io.restorejobcanceller.atlas.auth.AtlasCredentials;
import io.restorejobcanceller.atlas.client.SecretSafeLogging;
import static io.restorejobcanceller.testing.Targets.csv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.DigestAtlasServer;
import io.restorejobcanceller.testing.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Full runs at TRACE logging with known secrets: none may appear in the output or anywhere in the database. */
@ExtendWith(OutputCaptureExtension.class)
class SecretLeakTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    @Test
    void aServiceAccountRunLeaksNoSecret(CapturedOutput output) {
        // given
        String token = "sa-token-LEAKCHECK-7f3a9c";
        atlas.tokenEndpointAnswers(AtlasStub.tokenResponse(token, 3600));
        AuthenticationTest.bearerRequired(atlas, token, 3);
        AuthenticationTest.useServiceAccount(canceller);
        atlas.answer(Targets.path(2), AtlasStub.apiError(405, "ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED", "Method Not Allowed", "no"));

        // when
        int exitCode = runAtTrace(3);

        // then
        assertThat(exitCode).isEqualTo(3);
        assertNoLeak(output, AuthenticationTest.CLIENT_SECRET, token, basic(AuthenticationTest.CLIENT_ID, AuthenticationTest.CLIENT_SECRET));
    }

    @Test
    void anApiKeyRunLeaksNoSecret(CapturedOutput output) throws Exception {
        // given
        String privateKey = "private-key-LEAKCHECK-91b2e4";
        try (DigestAtlasServer server = new DigestAtlasServer("public-key-1", privateKey, 2)) {
            canceller.token(null).with("--canceller.atlas.base-url=" + server.baseUrl())
                    .env(AtlasCredentials.PUBLIC_API_KEY, "public-key-1").env(AtlasCredentials.PRIVATE_API_KEY, privateKey);

            // when
            int exitCode = runAtTrace(3);

            // then
            assertThat(exitCode).isZero();
            assertNoLeak(output, privateKey);
        }
    }

    @Test
    void anAccessTokenRunThatIsRejectedLeaksNoSecret(CapturedOutput output) {
        // given
        String token = "static-token-LEAKCHECK-c4d5e6";
        canceller.token(token);
        AuthenticationTest.bearerRequired(atlas, "another-token", 3);

        // when
        int exitCode = runAtTrace(3);

        // then
        assertThat(exitCode).isEqualTo(1);
        assertNoLeak(output, token, "Bearer " + token);
    }

    @Test
    void headersAndBytesStayOutOfTheLogEvenWhenTheirLoggersAreTurnedBackOnMidRun(CapturedOutput output) {
        // given: the HTTP loggers set to TRACE after start-up, as a logback file reloaded by scan="true" would
        String token = "static-token-LEAKCHECK-reloaded";
        canceller.token(token).afterStart(() -> {
            LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
            SecretSafeLogging.SILENCED.forEach(name -> logging.setLogLevel(name, LogLevel.TRACE));
        });

        // when
        int exitCode = canceller.run("cancel", canceller.file("in.csv", csv(3)).toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getAll()).doesNotContain(token).doesNotContain("Authorization");
    }

    private int runAtTrace(int rows) {
        Path input = canceller.file("in.csv", csv(rows));
        return canceller.with("--logging.level.root=trace").with("--logging.level.org.apache.hc=trace")
                .with("--logging.level.org.apache.hc.client5.http.wire=trace")
                .with("--logging.level.org.apache.hc.client5.http.headers=trace")
                .with("--logging.level.feign=trace").run("cancel", input.toString());
    }

    private void assertNoLeak(CapturedOutput output, String... secrets) {
        assertThat(output.getAll()).as("the run logged at TRACE").contains("TRACE");
        List<String> cells = everyCellOfEveryTable();
        assertThat(cells).as("the database was written").isNotEmpty();
        for (String secret : secrets) {
            assertThat(output.getAll()).as("console output").doesNotContain(secret);
            assertThat(cells).as("database cells").noneMatch(cell -> cell.contains(secret));
        }
    }

    private List<String> everyCellOfEveryTable() {
        var database = canceller.database();
        List<String> tables = database.sql("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")
                .query(String.class).list();
        List<String> cells = new ArrayList<>();
        for (String table : tables) {
            for (Map<String, Object> row : database.sql("SELECT * FROM \"" + table + "\"").query().listOfRows()) {
                row.values().forEach(value -> cells.add(value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1) : String.valueOf(value)));
            }
        }
        return cells;
    }

    private static String basic(String id, String secret) {
        return Base64.getEncoder().encodeToString((id + ":" + secret).getBytes());
    }
}
