package io.restorejobcanceller.atlas.auth;

import io.restorejobcanceller.atlas.AtlasProperties;
import io.restorejobcanceller.atlas.Retries;
import io.restorejobcanceller.atlas.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Access tokens of an Atlas service account (OAuth2 client credentials), obtained and cached by Spring Security's
 * {@code AuthorizedClientServiceOAuth2AuthorizedClientManager}: one token per run, shared by every request and
 * renewed when less than the refresh margin is left. Spring Security has no revocation, so {@link #close()} revokes
 * the tokens this run minted with a plain POST (best effort): Atlas allows only 100 live tokens per account.
 */
public class ServiceAccountTokens implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceAccountTokens.class);
    private static final String REGISTRATION = "atlas-service-account";
    private static final String PRINCIPAL = "restore-job-canceller";
    /**
     * The token endpoint is rate limited (10 to 50 a minute): it is asked at most 5 times for one token, 10 s apart
     * and doubling, or after its {@code Retry-After} when longer (up to 10 min).
     */
    private static final Retries.Policy TOKEN_RETRIES = new Retries.Policy(5, Duration.ofSeconds(10), 2.0,
            Duration.ofMinutes(10), Duration.ZERO, Duration.ofMinutes(10));

    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;
    private final InMemoryOAuth2AuthorizedClientService store;
    private final RestClient revocation;
    private final URI revokeUrl;
    private final String clientId;
    private final String clientSecret;
    /** Who asks for tokens, and where, for the line that says the token endpoint refused them. */
    private final String refusedWhom;
    private final List<String> minted = new ArrayList<>();
    private final Duration refreshMargin;
    private final Clock clock;
    private final Retries retries;

    /** Tokens from the configured token endpoint, obtained through the shared HTTP client. */
    static ServiceAccountTokens create(AtlasCredentials credentials, AtlasProperties properties,
                                       CloseableHttpClient httpClient, Clock clock, Sleeper sleeper) {
        var tokenResponses = new OAuth2AccessTokenResponseHttpMessageConverter();
        tokenResponses.setAccessTokenResponseConverter(TokenResponseCheck.assumingLifetime());
        RestClient tokenEndpoint = RestClient.builder()
                .requestFactory(new HttpComponentsClientHttpRequestFactory(httpClient))
                .requestInterceptor(new TokenResponseCheck(credentials.id()))
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(tokenResponses))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
        RestClient revocation = RestClient.builder()
                .requestFactory(new HttpComponentsClientHttpRequestFactory(httpClient))
                .configureMessageConverters(converters -> converters.addCustomConverter(new FormHttpMessageConverter()))
                .build();
        return new ServiceAccountTokens(credentials, properties.effectiveTokenUrl(), properties.effectiveRevokeUrl(),
                properties.tokenRefreshMargin(), tokenEndpoint, revocation, clock, sleeper);
    }

    ServiceAccountTokens(AtlasCredentials credentials, URI tokenUrl, URI revokeUrl, Duration refreshMargin,
                         RestClient tokenEndpoint, RestClient revocation, Clock clock, Sleeper sleeper) {
        this.revocation = revocation;
        this.refreshMargin = refreshMargin;
        this.clock = clock;
        this.retries = new Retries(TOKEN_RETRIES, sleeper);
        this.revokeUrl = revokeUrl;
        this.clientId = credentials.id();
        this.clientSecret = credentials.secret();
        this.refusedWhom = "the token endpoint " + tokenUrl + " refused " + credentials.describe();
        var registrations = new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(tokenUrl.toString())
                .build());
        var tokenClient = new RestClientClientCredentialsTokenResponseClient();
        tokenClient.setRestClient(tokenEndpoint);
        this.store = new InMemoryOAuth2AuthorizedClientService(registrations);
        this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, store);
        this.manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(grant -> grant.accessTokenResponseClient(tokenClient).clockSkew(Duration.ZERO).clock(clock))
                .build());
    }

    /**
     * The current access token, minting one on first use or when it is due for renewal: when less than the refresh
     * margin, or half its lifetime, is left (whichever is shorter, so that a short-lived token is not renewed per
     * request). The token endpoint's 429, 5xx and silences are waited out and retried.
     */
    public synchronized String accessToken() {
        OAuth2AuthorizedClient current = store.loadAuthorizedClient(REGISTRATION, PRINCIPAL);
        if (current != null && dueForRenewal(current.getAccessToken())) {
            store.removeAuthorizedClient(REGISTRATION, PRINCIPAL);
        }
        String token = authorize();
        if (minted.isEmpty() || !minted.get(minted.size() - 1).equals(token)) {
            minted.add(token);
            log.info("Obtained service-account access token #{} for client {}", minted.size(), clientId);
        }
        return token;
    }

    private boolean dueForRenewal(OAuth2AccessToken token) {
        if (token.getIssuedAt() == null || token.getExpiresAt() == null) {
            return false;
        }
        Duration halfLife = Duration.between(token.getIssuedAt(), token.getExpiresAt()).dividedBy(2);
        Duration renewBefore = refreshMargin.compareTo(halfLife) < 0 ? refreshMargin : halfLife;
        return !clock.instant().plus(renewBefore).isBefore(token.getExpiresAt());
    }

    private String authorize() {
        OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal(PRINCIPAL).build();
        try {
            return retries.run(attempt -> {
                try {
                    return new Retries.Done<>(manager.authorize(request).getAccessToken().getTokenValue());
                } catch (OAuth2AuthorizationException e) {
                    TokenEndpointAnswer answer = TokenEndpointAnswer.of(e, clock);
                    if (!answer.isTransient()) {
                        throw new TokenEndpointException(refusedWhom + " (" + answer.description() + "): check its client id and secret there");
                    }
                    return new Retries.Again<>(new TokenEndpointException(answer.description()), answer.retryAfter());
                }
            }, (last, attempts) -> {
                throw new TokenEndpointException("the token endpoint did not give service account " + clientId
                        + " a token in " + attempts + " attempts (last: " + last.getMessage() + "); run again later");
            }, (failure, wait) -> log.warn("The token endpoint answered {}; asking again in {} s", failure.getMessage(), wait.toSeconds()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TokenEndpointException("interrupted while waiting for the token endpoint");
        }
    }

    /**
     * Forgets a token Atlas answered 401 to, so that the next request mints a new one. Returns {@code true} when a
     * retry can use another token (also when another request already renewed it).
     */
    public synchronized boolean discard(String rejectedToken) {
        var current = store.loadAuthorizedClient(REGISTRATION, PRINCIPAL);
        if (current != null && current.getAccessToken().getTokenValue().equals(rejectedToken)) {
            store.removeAuthorizedClient(REGISTRATION, PRINCIPAL);
            log.warn("Atlas rejected the service-account access token; obtaining a new one once");
        }
        return true;
    }

    @Override
    public synchronized void close() {
        for (String token : minted) {
            var form = new LinkedMultiValueMap<String, String>();
            form.add("token", token);
            form.add("token_type_hint", "access_token");
            try {
                revocation.post().uri(revokeUrl).headers(headers -> headers.setBasicAuth(clientId, clientSecret))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().toBodilessEntity();
            } catch (RuntimeException e) {
                log.warn("Could not revoke a service-account access token at {} ({}); it expires on its own",
                        revokeUrl, e.getClass().getSimpleName());
            }
        }
        minted.clear();
    }
}
