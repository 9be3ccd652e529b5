package io.restorejobcanceller.atlas;

import java.util.Collection;

import feign.Request;
import feign.RequestInterceptor;
import feign.RequestTemplate;

/**
 * Puts the bearer token (static or service account) on each request; API keys need nothing here because
 * HttpClient 5 answers the Digest challenges itself.
 */
public class AtlasAuthorization implements RequestInterceptor {

    private static final String AUTHORIZATION = "Authorization";
    private static final String BEARER = "Bearer ";

    private final AtlasCredentials credentials;
    private final ServiceAccountTokens tokens;

    public AtlasAuthorization(AtlasCredentials credentials, ServiceAccountTokens tokens) {
        this.credentials = credentials;
        this.tokens = tokens;
    }

    @Override
    public void apply(RequestTemplate template) {
        switch (credentials.kind()) {
            case ACCESS_TOKEN -> template.header(AUTHORIZATION, BEARER + credentials.secret());
            case SERVICE_ACCOUNT -> template.header(AUTHORIZATION, BEARER + tokens.accessToken());
            default -> { }
        }
    }

    /** After a 401: whether the request may be sent once more with a renewed service-account token. */
    boolean renewAfterRejection(Request rejected) {
        if (tokens == null) {
            return false;
        }
        Collection<String> values = rejected.headers().get(AUTHORIZATION);
        String used = values == null || values.isEmpty() ? "" : values.iterator().next();
        return tokens.discard(used.startsWith(BEARER) ? used.substring(BEARER.length()) : used);
    }
}
