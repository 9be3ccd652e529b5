package io.restorejobcanceller.atlas.auth;

import io.restorejobcanceller.atlas.RetryAfter;
import java.time.Clock;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * What a failed token request means: the token endpoint's status (none when it did not answer), its
 * {@code Retry-After}, and its OAuth2 error code when it sent one ({@code invalid_client}...).
 */
record TokenEndpointAnswer(Integer status, String oauthError, Duration retryAfter) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static TokenEndpointAnswer of(OAuth2AuthorizationException failure, Clock clock) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RestClientResponseException response) {
                String retryAfter = response.getResponseHeaders() == null ? null
                        : response.getResponseHeaders().getFirst("Retry-After");
                return new TokenEndpointAnswer(response.getStatusCode().value(), oauthError(response.getResponseBodyAsString()),
                        retryAfter == null ? null : RetryAfter.parse(retryAfter, clock));
            }
            if (t instanceof ResourceAccessException) {
                return new TokenEndpointAnswer(null, null, null);
            }
        }
        // Spring Security read an OAuth2 error document (HTTP 400): invalid_client, invalid_grant...
        return new TokenEndpointAnswer(400, failure.getError().getErrorCode(), null);
    }

    private static String oauthError(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            return error.isString() ? error.asString() : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    /** 429, a 5xx or no answer: worth asking again; anything else refuses these credentials. */
    boolean isTransient() {
        return status == null || status == 429 || status >= 500;
    }

    String description() {
        if (status == null) {
            return "no answer";
        }
        return "HTTP " + status + (oauthError != null ? " " + oauthError : "");
    }
}
