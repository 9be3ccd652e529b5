package io.restorejobcanceller.atlas;

import io.restorejobcanceller.atlas.auth.AtlasCredentials;
import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.DigestAtlasServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** API keys: HTTP Digest by HttpClient 5 against a real Digest server on loopback. */
@ExtendWith(OutputCaptureExtension.class)
class DigestAuthenticationTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @Test
    void digestApiKeysCostAboutOneRequestPerDelete() throws Exception {
        // given
        try (DigestAtlasServer server = new DigestAtlasServer("pubkey", "private-key-value", 0)) {
            useApiKey(server, "pubkey", "private-key-value");
            Path input = canceller.file("in.csv", csv(1000));

            // when
            int exitCode = canceller.run("cancel", input.toString());

            // then
            assertThat(exitCode).isZero();
            assertThat(canceller.outcomes()).hasSize(1000).allSatisfy(row -> assertThat(row.get("OUTCOME")).isEqualTo("CANCELLED"));
            double perDelete = server.requests() / 1000.0;
            System.out.printf("Digest: %d requests on the wire for 1000 DELETEs (%.3f per DELETE), %d challenges%n",
                    server.requests(), perDelete, server.challenges());
            assertThat(perDelete).isLessThanOrEqualTo(1.05);
            assertThat(server.refusedHashes()).isZero();
            assertThat(server.replayedCounts()).isZero();
            assertThat(server.accepted(path(500))).isEqualTo(1);
        }
    }

    @Test
    void aStaleNonceIsAnsweredTransparently() throws Exception {
        // given: the server retires its nonce every 25 requests (one DELETE at a time: a retried request must not
        // meet a nonce retired again meanwhile, which a real server's time-based nonces do not do)
        try (DigestAtlasServer server = new DigestAtlasServer("pubkey", "private-key-value", 25)) {
            useApiKey(server, "pubkey", "private-key-value");
            canceller.with("--canceller.concurrency=1");
            Path input = canceller.file("in.csv", csv(100));

            // when
            int exitCode = canceller.run("cancel", input.toString());

            // then
            assertThat(exitCode).isZero();
            assertThat(canceller.outcomes()).hasSize(100).allSatisfy(row -> {
                assertThat(row.get("OUTCOME")).isEqualTo("CANCELLED");
                assertThat(row.get("ATTEMPTS")).isEqualTo(1);
            });
            assertThat(server.staleChallenges()).isGreaterThanOrEqualTo(3);
            assertThat(server.refusedHashes()).isZero();
            for (int n = 1; n <= 100; n++) {
                assertThat(server.accepted(path(n))).isEqualTo(1);
            }
        }
    }

    @Test
    void aServerThatCallsEveryNonceStaleGetsOneStaleRetryPerAttemptAndTheRowFailsAsTransient() throws Exception {
        // given: every nonce is stale once used (a load balancer in front of nodes with different nonce secrets)
        try (DigestAtlasServer server = DigestAtlasServer.staleForever("pubkey", "private-key-value")) {
            useApiKey(server, "pubkey", "private-key-value");
            canceller.with("--canceller.concurrency=1").with("--canceller.retry.max-attempts=3");
            Path input = canceller.file("in.csv", csv(2));

            // when
            int exitCode = canceller.run("cancel", input.toString());

            // then: per attempt, the challenge, its answer and one stale retry; the run goes on to the next row
            assertThat(exitCode).isEqualTo(3);
            assertThat(server.requests()).isEqualTo(2 * 3 * 3);
            assertThat(canceller.outcomes()).hasSize(2).allSatisfy(row -> {
                assertThat(row.get("OUTCOME")).isEqualTo("FAILED");
                assertThat(row.get("ATTEMPTS")).isEqualTo(3);
                assertThat((String) row.get("DETAIL")).contains("gave up after 3 attempts; last: HTTP 401 (the Digest nonce was"
                        + " called stale again after one retry with a new nonce)");
            });
            assertThat(canceller.sleeper().waits()).hasSize(2 * 2); // each retry waited its backoff
        }
    }

    @Test
    void aWrongPrivateKeyFailsTheJobAfterFewRequests(CapturedOutput output) throws Exception {
        // given
        try (DigestAtlasServer server = new DigestAtlasServer("pubkey", "private-key-value", 0)) {
            useApiKey(server, "pubkey", "not-the-private-key");
            Path input = canceller.file("in.csv", csv(50));

            // when
            int exitCode = canceller.run("cancel", input.toString());

            // then
            assertThat(exitCode).isEqualTo(1);
            assertThat(server.requests()).isLessThanOrEqualTo(2);
            assertThat(canceller.outcomes()).isEmpty();
            assertThat(output.getOut()).contains("refused the credentials (HTTP 401");
        }
    }

    @Test
    void aRefusedKeyOfAnAtlasCliProfileIsNamedByItsProfileAndFile(CapturedOutput output) throws Exception {
        // given: the keys only in a profile of the Atlas CLI's configuration, the private one wrong
        try (DigestAtlasServer server = new DigestAtlasServer("pubkey", "private-key-value", 0)) {
            Path config = Files.createDirectories(canceller.directory().resolve("config/atlascli")).resolve("config.toml");
            Files.writeString(config, "[badprof]\npublic_api_key = \"pubkey\"\nprivate_api_key = \"not-the-private-key\"\n");
            canceller.token(null).with("--canceller.atlas.base-url=" + server.baseUrl());

            // when
            int exitCode = canceller.run("cancel", "--profile", "badprof", canceller.file("in.csv", csv(3)).toString());

            // then
            assertThat(exitCode).isEqualTo(1);
            assertThat(output.getOut()).contains("Failed: Atlas at " + server.baseUrl() + " (API key pubkey (Atlas CLI profile"
                    + " 'badprof' of " + config + ")) refused the credentials (HTTP 401").doesNotContain("not-the-private-key");
        }
    }

    @Test
    void theApiKeyIsTakenFromTheSettingsFileAndNeverEchoed(CapturedOutput output) throws Exception {
        // given: the keys as the README's Credentials table names them, written camelCase in the user's settings file
        try (DigestAtlasServer server = new DigestAtlasServer("pubkey", "private-key-value", 0)) {
            canceller.token(null).with("--canceller.atlas.base-url=" + server.baseUrl()).with("--verbose");
            Path file = canceller.directory().resolve("config/restore-job-canceller/application.yml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "canceller:\n  atlas:\n    publicKey: pubkey\n    private-key: private-key-value\n");

            // when
            int exitCode = canceller.run("cancel", canceller.file("in.csv", csv(3)).toString());

            // then
            assertThat(exitCode).isZero();
            assertThat(server.accepted(path(3))).isEqualTo(1);
            assertThat(output.getAll()).doesNotContain("private-key-value");
        }
    }

    private static void useApiKey(DigestAtlasServer server, String publicKey, String privateKey) {
        canceller.token(null).with("--canceller.atlas.base-url=" + server.baseUrl())
                .env(AtlasCredentials.PUBLIC_API_KEY, publicKey).env(AtlasCredentials.PRIVATE_API_KEY, privateKey);
    }
}
