package io.restorejobcanceller.atlas.auth;

import io.restorejobcanceller.atlas.AtlasProperties;
import io.restorejobcanceller.atlas.Sleeper;
import java.time.Clock;
import java.util.Collection;

import feign.Request;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Puts the bearer token (static or service account) on each request; API keys need nothing here because
 * HttpClient 5 answers the Digest challenges itself.
 */
public class AtlasAuthorization implements RequestInterceptor, AutoCloseable {

    private static final String AUTHORIZATION = "Authorization";
    private static final String BEARER = "Bearer ";

    private final AtlasCredentials credentials;
    /** The service account's tokens; {@code null} for the other kinds of credentials. */
    private final ServiceAccountTokens tokens;

    private AtlasAuthorization(AtlasCredentials credentials, ServiceAccountTokens tokens) {
        this.credentials = credentials;
        this.tokens = tokens;
    }

    public static AtlasAuthorization forCredentials(AtlasCredentials credentials, AtlasProperties properties,
                                             CloseableHttpClient httpClient, Clock clock, Sleeper sleeper) {
        return new AtlasAuthorization(credentials, credentials.kind() == AtlasCredentials.Kind.SERVICE_ACCOUNT
                ? ServiceAccountTokens.create(credentials, properties, httpClient, clock, sleeper) : null);
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
    public boolean renewAfterRejection(Request rejected) {
        if (tokens == null) {
            return false;
        }
        Collection<String> values = rejected.headers().get(AUTHORIZATION);
        String used = values == null || values.isEmpty() ? "" : values.iterator().next();
        return tokens.discard(used.startsWith(BEARER) ? used.substring(BEARER.length()) : used);
    }

    /** Revokes the service-account tokens this run obtained. */
    public AtlasCredentials credentials() {
        return credentials;
    }

    @Override
    public void close() {
        if (tokens != null) {
            tokens.close();
        }
    }
}
