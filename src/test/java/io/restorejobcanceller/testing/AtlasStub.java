package io.restorejobcanceller.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * A loopback stand-in for the Atlas endpoint, answering as the Atlas Administration API documents: 204 with
 * rate-limit headers on success, {@code application/json} ApiError bodies on errors, {@code Retry-After} on 429.
 */
public final class AtlasStub implements AutoCloseable {

    public static final String ACCEPT = "application/vnd.atlas.2023-01-01+json";
    private static final String ANY_DELETE = "/api/atlas/v2/groups/[a-f0-9]{24}/clusters/[a-zA-Z0-9-]+/backup/restoreJobs/[a-f0-9]{24}";

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    public AtlasStub() {
        server.start();
        reset();
    }

    /** Everything answers 204 unless a more specific stub says otherwise. */
    public void reset() {
        server.resetAll();
        server.stubFor(delete(urlPathMatching(ANY_DELETE)).atPriority(10).willReturn(cancelled()));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public static String path(String groupId, String clusterName, String restoreJobId) {
        return "/api/atlas/v2/groups/" + groupId + "/clusters/" + clusterName + "/backup/restoreJobs/" + restoreJobId;
    }

    public static ResponseDefinitionBuilder cancelled() {
        return aResponse().withStatus(204).withHeader("RateLimit-Limit", "100").withHeader("RateLimit-Remaining", "99");
    }

    public static ResponseDefinitionBuilder apiError(int status, String errorCode, String reason, String detail,
                                                     String... parameters) {
        String parameterList = Arrays.stream(parameters).map(p -> '"' + p + '"').collect(Collectors.joining(","));
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("X-Error-Code", errorCode).withBody("""
                {"detail":"%s","error":%d,"errorCode":"%s","parameters":[%s],"reason":"%s"}"""
                .formatted(detail, status, errorCode, parameterList, reason));
    }

    /** Every DELETE under this project (or this cluster of it, when given) gets this answer. */
    public void answerUnder(String groupId, String clusterName, ResponseDefinitionBuilder response) {
        String under = "/api/atlas/v2/groups/" + groupId + (clusterName == null ? "/.*" : "/clusters/" + clusterName + "/.*");
        server.stubFor(delete(urlPathMatching(under)).atPriority(5).willReturn(response));
    }

    /** {@code GET} of this restore job answers this state, as Atlas's restore job document. */
    public void restoreJobState(String path, String deliveryType, boolean cancelled, boolean expired, String finishedAt) {
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id":"%s","deliveryType":"%s","cancelled":%s,"expired":%s,"failed":false,%s"timestamp":"2026-11-20T00:00:00Z"}"""
                        .formatted(path.substring(path.lastIndexOf('/') + 1), deliveryType, cancelled, expired,
                                finishedAt == null ? "" : "\"finishedAt\":\"" + finishedAt + "\","))));
    }

    /** DELETEs sent under this project. */
    public int deletesUnder(String groupId) {
        return server.countRequestsMatching(deleteRequestedFor(urlPathMatching("/api/atlas/v2/groups/" + groupId + "/.*"))
                .build()).getCount();
    }

    public static ResponseDefinitionBuilder rateLimited(int retryAfterSeconds) {
        return apiError(429, "RATE_LIMITED_TOKEN_BUCKET", "Too Many Requests",
                "Please retry after " + retryAfterSeconds + " seconds.")
                .withHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }

    public static ResponseDefinitionBuilder unavailable() {
        return apiError(503, "SERVICE_UNAVAILABLE", "Service Unavailable", "Service is unavailable.");
    }

    public static ResponseDefinitionBuilder connectionReset() {
        return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
    }

    /** The DELETE of this path always gets this answer. */
    public void answer(String path, ResponseDefinitionBuilder response) {
        server.stubFor(delete(urlEqualTo(path)).atPriority(1).willReturn(response));
    }

    /** The DELETEs of this path get these answers in turn; the last one repeats. */
    public void answerInTurn(String path, ResponseDefinitionBuilder... responses) {
        String scenario = "turns " + path;
        for (int i = 0; i < responses.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "answer " + i;
            var stub = delete(urlEqualTo(path)).atPriority(1).inScenario(scenario).whenScenarioStateIs(state)
                    .willReturn(responses[i]);
            if (i < responses.length - 1) {
                stub = stub.willSetStateTo("answer " + (i + 1));
            }
            server.stubFor(stub);
        }
    }

    /** The DELETE of this path answers 401 unless it carries this bearer token. */
    public void requireToken(String path, String token) {
        server.stubFor(delete(urlEqualTo(path)).atPriority(2)
                .willReturn(apiError(401, "NOT_ORG_GROUP_CREATOR", "Unauthorized", "Current user is not authorized.")));
        server.stubFor(delete(urlEqualTo(path)).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(cancelled()));
    }

    /** A service-account token endpoint answer, as Atlas sends it. */
    public static ResponseDefinitionBuilder tokenResponse(String token, int expiresIn) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"access_token":"%s","expires_in":%d,"token_type":"Bearer"}""".formatted(token, expiresIn));
    }

    /** The token endpoint answers these in turn (the last one repeats); revocation always succeeds. */
    public void tokenEndpointAnswers(ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            var stub = post(urlEqualTo("/api/oauth/token")).inScenario("tokens")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "token " + i).willReturn(answers[i]);
            if (i < answers.length - 1) {
                stub = stub.willSetStateTo("token " + (i + 1));
            }
            server.stubFor(stub);
        }
        server.stubFor(post(urlEqualTo("/api/oauth/revoke")).willReturn(aResponse().withStatus(200)));
    }

    public int deletesOf(String path) {
        return server.countRequestsMatching(deleteRequestedFor(urlEqualTo(path)).build()).getCount();
    }

    public List<LoggedRequest> requests() {
        return server.findAll(anyRequestedFor(
                anyUrl()));
    }

    public WireMockServer server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }
}
