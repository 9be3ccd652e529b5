package io.restorejobcanceller.atlas.auth;

import io.restorejobcanceller.atlas.AuthenticationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restorejobcanceller.testing.Targets.GROUP;
import static io.restorejobcanceller.testing.Targets.csv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Service-account tokens never take the run down: the token endpoint's limits are waited out, renewals are few. */
@ExtendWith(OutputCaptureExtension.class)
class ServiceAccountTokensTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    private static int tokenRequests() {
        return atlas.server().countRequestsMatching(postRequestedFor(urlEqualTo("/api/oauth/token")).build()).getCount();
    }

    private static int revocations() {
        return atlas.server().countRequestsMatching(postRequestedFor(urlEqualTo("/api/oauth/revoke")).build()).getCount();
    }

    @Test
    void aRateLimitedTokenEndpointIsWaitedOutAndTheRunCompletes() {
        // given
        atlas.tokenEndpointAnswers(AtlasStub.apiError(429, "RATE_LIMITED", "Too Many Requests", "Slow down.")
                .withHeader("Retry-After", "30"), AtlasStub.tokenResponse("sa-token-1", 3600));
        AuthenticationTest.useServiceAccount(canceller);
        Path input = canceller.file("in.csv", csv(3));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(tokenRequests()).isEqualTo(2);
        assertThat(canceller.sleeper().waits()).contains(Duration.ofSeconds(30));
        assertThat(canceller.outcomes()).hasSize(3).allSatisfy(row -> assertThat(row.get("OUTCOME")).isEqualTo("CANCELLED"));
    }

    @Test
    void aTokenEndpointThatStaysUnavailableStopsTheRunWithOneClearLine(CapturedOutput output) {
        // given
        atlas.tokenEndpointAnswers(AtlasStub.unavailable());
        AuthenticationTest.useServiceAccount(canceller);
        Path input = canceller.file("in.csv", csv(3));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(tokenRequests()).isEqualTo(5);
        assertThat(canceller.sleeper().waits()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(40), Duration.ofSeconds(80));
        assertThat(output.getOut()).contains("did not give service account", "in 5 attempts (last: HTTP 503)");
        assertThat(atlas.deletesUnder(GROUP)).isZero();
    }

    @Test
    void refusedClientCredentialsStopTheRunNamingTheVariables(CapturedOutput output) {
        // given
        atlas.tokenEndpointAnswers(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Invalid client credentials\"}"));
        AuthenticationTest.useServiceAccount(canceller);
        Path input = canceller.file("in.csv", csv(3));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(output.getOut()).contains("the token endpoint " + atlas.baseUrl() + "/api/oauth/token refused service account ")
                .contains(" (MONGODB_ATLAS_CLIENT_ID from ").contains("(HTTP 401 invalid_client): check its client id and secret there");
        assertThat(atlas.deletesUnder(GROUP)).isZero();
    }

    @Test
    void shortLivedTokensAreRenewedAtHalfTheirLifeNotPerRequest() {
        // given: 3-second tokens (shorter than the 60 s refresh margin) over a run of about 7.5 s
        atlas.tokenEndpointAnswers(IntStream.rangeClosed(1, 20).mapToObj(n -> AtlasStub.tokenResponse("sa-token-" + n, 3))
                .toArray(ResponseDefinitionBuilder[]::new));
        atlas.answerUnder(GROUP, null, AtlasStub.cancelled().withFixedDelay(250));
        AuthenticationTest.useServiceAccount(canceller);
        Path input = canceller.file("in.csv", csv(30));

        // when
        int exitCode = canceller.with("--canceller.concurrency=1").run("cancel", input.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(tokenRequests()).isBetween(2, 12); // about one per 1.5 s, not one per DELETE
        assertThat(revocations()).isEqualTo(tokenRequests()); // every token minted is revoked
    }

    @ParameterizedTest
    @MethodSource("unusableTokenAnswers")
    void anUnusableTokenAnswerStopsTheRunSayingWhatCameBack(ResponseDefinitionBuilder answer, String whatCameBack,
                                                            CapturedOutput output) {
        // given
        atlas.tokenEndpointAnswers(answer);
        AuthenticationTest.useServiceAccount(canceller);
        Path input = canceller.file("in.csv", csv(3));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(output.getOut()).contains("Failed: the token endpoint answered service account " + AuthenticationTest.CLIENT_ID
                + " with " + whatCameBack).doesNotContain("invalid_token_response");
        assertThat(atlas.deletesUnder(GROUP)).isZero();
    }

    static Stream<Arguments> unusableTokenAnswers() {
        return Stream.of(
                Arguments.of(aResponse().withStatus(307).withHeader("Location", "https://login.example.com/oauth/token?state=x"),
                        "HTTP 307, a redirect to https://login.example.com/oauth/token; set canceller.atlas.token-url"),
                Arguments.of(aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody("<html><body>Sign in</body></html>"), "HTTP 200 text/html;charset=utf-8, not a JSON token response"),
                Arguments.of(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"expires_in\":3600,\"token_type\":\"Bearer\"}"), "HTTP 200 application/json without an access_token"),
                Arguments.of(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"\",\"token_type\":\"Bearer\"}"), "HTTP 200 application/json with an empty access_token"),
                Arguments.of(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"t\",\"expires_in\":3600,\"token_type\":\"mac\"}"),
                        "HTTP 200 with token_type 'mac'; only Bearer tokens can be used"));
    }

    @Test
    void aTokenWithoutALifetimeIsAssumedToLastAnHourNotOneSecond() {
        // given: a token answer without expires_in, over a run of about 3 s
        atlas.tokenEndpointAnswers(IntStream.rangeClosed(1, 20).mapToObj(n -> aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"sa-token-" + n + "\",\"token_type\":\"Bearer\"}"))
                .toArray(ResponseDefinitionBuilder[]::new));
        atlas.answerUnder(GROUP, null, AtlasStub.cancelled().withFixedDelay(100));
        AuthenticationTest.useServiceAccount(canceller);
        Path input = canceller.file("in.csv", csv(30));

        // when
        int exitCode = canceller.with("--canceller.concurrency=1").run("cancel", input.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(canceller.outcomes()).hasSize(30).allSatisfy(row -> assertThat(row.get("OUTCOME")).isEqualTo("CANCELLED"));
    }
}
