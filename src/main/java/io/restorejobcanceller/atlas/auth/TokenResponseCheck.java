package io.restorejobcanceller.atlas.auth;

import io.restorejobcanceller.atlas.AtlasApiException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.core.endpoint.DefaultMapOAuth2AccessTokenResponseConverter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * What the token endpoint sent when it was not a usable token, said as it came back: a redirect (and where to), a
 * page that is not JSON, a JSON document without an {@code access_token}, a token that is not a Bearer token. Spring
 * Security reports all of these as "HTTP 400 invalid_token_response", as if the credentials had been refused. Error
 * statuses (4xx, 5xx) are left to {@link TokenEndpointAnswer}.
 */
final class TokenResponseCheck implements ClientHttpRequestInterceptor {

    /** Atlas's service-account tokens last an hour; one without {@code expires_in} is assumed to, and renewed on a 401. */
    static final Duration ASSUMED_LIFETIME = Duration.ofHours(1);
    private static final int MAX_BODY_BYTES = 16 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String clientId;

    TokenResponseCheck(String clientId) {
        this.clientId = clientId;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
        ClientHttpResponse response = execution.execute(request, body);
        int status = response.getStatusCode().value();
        if (status / 100 == 3) {
            response.close();
            throw refused("HTTP " + status + ", a redirect to " + AtlasApiException.redirectTarget(response.getHeaders().getFirst(HttpHeaders.LOCATION))
                    + "; set canceller.atlas.token-url to the endpoint itself");
        }
        if (status / 100 != 2) {
            return response;
        }
        MediaType type = response.getHeaders().getContentType();
        if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.getSubtype().endsWith("+json")) {
            response.close();
            throw refused("HTTP " + status + " " + (type == null ? "without a content type" : type.toString())
                    + ", not a JSON token response; check canceller.atlas.token-url");
        }
        byte[] content;
        try (InputStream in = response.getBody()) {
            content = in.readNBytes(MAX_BODY_BYTES);
        }
        JsonNode token;
        try {
            token = JSON.readTree(content);
        } catch (JacksonException notJson) {
            throw refused("HTTP " + status + " " + type + " that is not JSON; check canceller.atlas.token-url");
        }
        String accessToken = token.path(OAuth2ParameterNames.ACCESS_TOKEN).asString("");
        String tokenType = token.path(OAuth2ParameterNames.TOKEN_TYPE).asString("");
        if (accessToken.isBlank()) {
            throw refused("HTTP " + status + " " + type + (token.has(OAuth2ParameterNames.ACCESS_TOKEN) ? " with an empty access_token"
                    : " without an access_token") + "; check canceller.atlas.token-url");
        }
        if (!tokenType.equalsIgnoreCase("Bearer")) {
            throw refused("HTTP " + status + " with token_type '" + tokenType + "'; only Bearer tokens can be used");
        }
        return new BufferedResponse(response, content);
    }

    private TokenEndpointException refused(String whatCameBack) {
        return new TokenEndpointException("the token endpoint answered service account " + clientId + " with " + whatCameBack);
    }

    /** Spring Security's reading of a token response, with {@link #ASSUMED_LIFETIME} when it has no {@code expires_in} (not 1 s). */
    static Converter<Map<String, Object>, OAuth2AccessTokenResponse> assumingLifetime() {
        var defaults = new DefaultMapOAuth2AccessTokenResponseConverter();
        return parameters -> {
            if (parameters.get(OAuth2ParameterNames.EXPIRES_IN) == null) {
                Map<String, Object> withLifetime = new HashMap<>(parameters);
                withLifetime.put(OAuth2ParameterNames.EXPIRES_IN, ASSUMED_LIFETIME.toSeconds());
                return defaults.convert(withLifetime);
            }
            return defaults.convert(parameters);
        };
    }

    /** The answer with its body already read. */
    private record BufferedResponse(ClientHttpResponse response, byte[] content) implements ClientHttpResponse {

        @Override
        public org.springframework.http.HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }

        @Override
        public InputStream getBody() {
            return new java.io.ByteArrayInputStream(content);
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
