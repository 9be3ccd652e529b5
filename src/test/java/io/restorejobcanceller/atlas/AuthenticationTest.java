package io.restorejobcanceller.atlas;

import io.restorejobcanceller.atlas.auth.AtlasCredentials;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Service accounts against a loopback token endpoint, and how credentials and the base URL are chosen. */
@ExtendWith(OutputCaptureExtension.class)
public class AuthenticationTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    public static final String CLIENT_ID = "mdb_sa_id_0123456789abcdef";
    public static final String CLIENT_SECRET = "test-client-secret-do-not-print";

    @Test
    void aServiceAccountMintsOneTokenForTheRunAndRevokesIt() {
        // given
        atlas.tokenEndpointAnswers(AtlasStub.tokenResponse("sa-token-1", 3600));
        bearerRequired(atlas, "sa-token-1", 5);
        useServiceAccount(canceller);
        Path input = canceller.file("in.csv", csv(5));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(canceller.outcomes()).hasSize(5).allSatisfy(row -> assertThat(row.get("OUTCOME")).isEqualTo("CANCELLED"));
        var tokenRequests = atlas.server().findAll(postRequestedFor(urlEqualTo("/api/oauth/token")));
        assertThat(tokenRequests).singleElement().satisfies(request -> {
            assertThat(request.getHeader("Authorization")).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes()));
            assertThat(request.getBodyAsString()).contains("grant_type=client_credentials");
        });
        atlas.server().verify(1, postRequestedFor(urlEqualTo("/api/oauth/revoke")).withRequestBody(containing("token=sa-token-1")));
    }

    @Test
    void aTokenIsRenewedShortlyBeforeItExpires() {
        // given: the first token lasts 100 s with a 60 s margin; a Retry-After of 50 s passes its renewal point
        atlas.tokenEndpointAnswers(AtlasStub.tokenResponse("sa-token-1", 100), AtlasStub.tokenResponse("sa-token-2", 3600));
        bearerRequired(atlas, "sa-token-1", 1);
        atlas.server().stubFor(delete(urlEqualTo(path(2))).atPriority(1).withHeader("Authorization", equalTo("Bearer sa-token-1"))
                .willReturn(AtlasStub.rateLimited(50)));
        atlas.server().stubFor(delete(urlEqualTo(path(2))).atPriority(1).withHeader("Authorization", equalTo("Bearer sa-token-2"))
                .willReturn(AtlasStub.cancelled()));
        useServiceAccount(canceller);
        Path input = canceller.file("in.csv", csv(2));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isZero();
        atlas.server().verify(2, postRequestedFor(urlEqualTo("/api/oauth/token")));
        atlas.server().verify(1, WireMock.deleteRequestedFor(urlEqualTo(path(2))).withHeader("Authorization", equalTo("Bearer sa-token-2")));
        atlas.server().verify(2, postRequestedFor(urlEqualTo("/api/oauth/revoke")));
    }

    @Test
    void a401ToAServiceAccountTokenRenewsItOnceAndRetriesTheRequest() {
        // given: Atlas no longer accepts the first token
        atlas.tokenEndpointAnswers(AtlasStub.tokenResponse("sa-token-1", 3600), AtlasStub.tokenResponse("sa-token-2", 3600));
        bearerRequired(atlas, "sa-token-2", 3);
        useServiceAccount(canceller);
        Path input = canceller.file("in.csv", csv(3));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isZero();
        atlas.server().verify(2, postRequestedFor(urlEqualTo("/api/oauth/token")));
        assertThat(atlas.deletesOf(path(1))).isEqualTo(2);
        assertThat(atlas.deletesOf(path(2))).isEqualTo(1);
        assertThat(canceller.outcomes()).allSatisfy(row -> assertThat(row.get("OUTCOME")).isEqualTo("CANCELLED"));
    }

    @Test
    void aRefusedServiceAccountFailsTheJobWithoutAnyDelete() {
        // given
        atlas.server().stubFor(WireMock.post(urlEqualTo("/api/oauth/token")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Invalid client credentials\"}")));
        useServiceAccount(canceller);
        Path input = canceller.file("in.csv", csv(20));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(1);
        atlas.server().verify(1, postRequestedFor(urlEqualTo("/api/oauth/token")));
        assertThat(atlas.deletesOf(path(1))).isZero();
        assertThat(canceller.outcomes()).isEmpty();
    }

    @Test
    void aServiceAccountTakesPrecedenceOverApiKeysAndAnAccessToken() {
        // given
        atlas.tokenEndpointAnswers(AtlasStub.tokenResponse("sa-token-1", 3600));
        bearerRequired(atlas, "sa-token-1", 1);
        useServiceAccount(canceller);
        canceller.env(AtlasCredentials.PUBLIC_API_KEY, "pubkey").env(AtlasCredentials.PRIVATE_API_KEY, "private-key-value");
        Path input = canceller.file("in.csv", csv(1));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isZero();
        atlas.server().verify(1, WireMock.deleteRequestedFor(urlEqualTo(path(1))).withHeader("Authorization", equalTo("Bearer sa-token-1")));
    }

    @Test
    void halfAPairIsAUsageErrorNamingTheMissingVariable(CapturedOutput output) {
        // given
        canceller.env(AtlasCredentials.CLIENT_ID, CLIENT_ID);
        Path input = canceller.file("in.csv", csv(1));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("error: MONGODB_ATLAS_CLIENT_SECRET is not set but MONGODB_ATLAS_CLIENT_ID is");
        assertThat(atlas.requests()).isEmpty();
    }

    @Test
    void aPairHalfSetAndHalfEmptyNamesTheEmptyVariableAsEmpty(CapturedOutput output) {
        // given
        canceller.env(AtlasCredentials.CLIENT_ID, CLIENT_ID).env(AtlasCredentials.CLIENT_SECRET, "");
        Path input = canceller.file("in.csv", csv(1));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("error: MONGODB_ATLAS_CLIENT_SECRET is set but empty, and MONGODB_ATLAS_CLIENT_ID is set");
        assertThat(atlas.requests()).isEmpty();
    }

    @Test
    void credentialsSetButEmptyAreNamedAsEmptyNotAsMissing(CapturedOutput output) {
        // given: what a Secret blanked by an applied manifest gives the pod
        canceller.token(null).env(AtlasCredentials.CLIENT_ID, "").env(AtlasCredentials.CLIENT_SECRET, " ");
        Path input = canceller.file("in.csv", csv(1));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("error: no Atlas credentials: MONGODB_ATLAS_CLIENT_ID and "
                + "MONGODB_ATLAS_CLIENT_SECRET are set but empty; set ");
        assertThat(atlas.requests()).isEmpty();
    }

    @Test
    void aPlainHttpBaseUrlIsRefusedUnlessItIsLoopback(CapturedOutput output) {
        // given
        Path input = canceller.file("in.csv", csv(1));

        // when
        int exitCode = canceller.with("--canceller.atlas.base-url=http://atlas.example.com").run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("must use https");
    }

    @Test
    void theAtlasCliBaseUrlVariableIsAnAlias() {
        // given
        canceller.without("--canceller.atlas.base-url").env("MONGODB_ATLAS_OPS_MANAGER_URL", atlas.baseUrl() + "/");
        Path input = canceller.file("in.csv", csv(2));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(atlas.deletesOf(path(2))).isEqualTo(1);
    }

    @Test
    void isLoopbackAcceptsOnlyLoopbackHosts() {
        assertThat(AtlasProperties.isLoopback("localhost")).isTrue();
        assertThat(AtlasProperties.isLoopback("127.0.0.1")).isTrue();
        assertThat(AtlasProperties.isLoopback("127.8.9.10")).isTrue();
        assertThat(AtlasProperties.isLoopback("[::1]")).isTrue();
        assertThat(AtlasProperties.isLoopback("10.0.0.1")).isFalse();
        assertThat(AtlasProperties.isLoopback("localhost.evil.com")).isFalse();
        assertThat(AtlasProperties.isLoopback("cloud.mongodb.com")).isFalse();
    }

    public static void useServiceAccount(CancellerHarness harness) {
        harness.token(null).env(AtlasCredentials.CLIENT_ID, CLIENT_ID).env(AtlasCredentials.CLIENT_SECRET, CLIENT_SECRET);
    }

    /** Targets 1..count answer 204 to this bearer token only, 401 otherwise. */
    public static void bearerRequired(AtlasStub stub, String token, int count) {
        for (int n = 1; n <= count; n++) {
            stub.requireToken(path(n), token);
        }
    }
}
