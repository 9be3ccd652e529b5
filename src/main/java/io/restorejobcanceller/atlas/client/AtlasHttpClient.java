package io.restorejobcanceller.atlas.client;

import io.restorejobcanceller.atlas.auth.AtlasCredentials;
import io.restorejobcanceller.atlas.auth.SharedDigestAuthCache;
import io.restorejobcanceller.atlas.auth.OneStaleRetry;
import io.restorejobcanceller.atlas.AtlasProperties;
import org.apache.hc.client5.http.auth.AuthCache;
import org.apache.hc.client5.http.auth.AuthSchemeFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/** The one pooled Apache HttpClient 5 that every request to Atlas (and to its token endpoint) goes through. */
final class AtlasHttpClient {

    /** The workers' requests plus the token endpoint's. */
    private static final int POOL_SIZE = AtlasClientConfiguration.MAX_CONCURRENT_REQUESTS + 2;

    /**
     * A pooled connection idle this long is checked before reuse: a server (or proxy, or NAT) that closed it
     * meanwhile would otherwise make the next DELETE fail unanswered and be counted as an attempt that may have
     * cancelled the restore job. The check is one non-blocking read, paid only after a pause.
     */
    private static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofMilliseconds(200);
    /** Idle connections are closed well before the shortest keep-alive timeouts seen in front of servers. */
    private static final TimeValue EVICT_IDLE_AFTER = TimeValue.ofSeconds(1);

    private AtlasHttpClient() {
    }

    /**
     * HttpClient's own retries are off: a retried DELETE must be counted and decided by the job (which honours
     * Retry-After and records attempts), and HttpClient 5 would otherwise silently re-send idempotent requests.
     * System properties are on, so the JVM's {@code https.proxyHost}/{@code https.proxyPort} apply.
     */
    static CloseableHttpClient create(AtlasProperties properties, AtlasCredentials credentials, String userAgent,
                                      InFlightRequests inFlight) {
        var connectionManager = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(UnloggedConnection.factory())
                .setMaxConnTotal(POOL_SIZE)
                .setMaxConnPerRoute(POOL_SIZE)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.readTimeout()))
                        .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
                        .build())
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connectionManager)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(properties.requestTimeout()))
                        .build())
                .addExecInterceptorFirst("request-deadline", new BoundedExchange(properties.requestTimeout(), inFlight))
                .disableAutomaticRetries()
                .evictIdleConnections(EVICT_IDLE_AFTER)
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent(userAgent)
                .useSystemProperties();
        if (credentials.kind() == AtlasCredentials.Kind.API_KEY) {
            useDigest(builder, properties, credentials);
        }
        return builder.build();
    }

    /**
     * HTTP Digest by HttpClient 5 itself. One auth cache shared by every request lets each DELETE answer the
     * server's last nonce preemptively (with the next nonce count) instead of paying a 401 round trip; a
     * {@code stale=true} challenge is answered with the new nonce, once per request ({@link OneStaleRetry}).
     */
    private static void useDigest(HttpClientBuilder builder, AtlasProperties properties, AtlasCredentials credentials) {
        var provider = new BasicCredentialsProvider();
        provider.setCredentials(new AuthScope(properties.baseUrl().getHost(), -1),
                new UsernamePasswordCredentials(credentials.id(), credentials.secret().toCharArray()));
        AuthCache sharedAuthCache = new SharedDigestAuthCache();
        builder.setDefaultCredentialsProvider(provider)
                .setDefaultAuthSchemeRegistry(RegistryBuilder.<AuthSchemeFactory>create()
                        .register(StandardAuthScheme.DIGEST, context -> new SharedDigestAuthCache.SharedDigestScheme())
                        .build())
                .addExecInterceptorFirst("shared-auth-cache", (request, scope, chain) -> {
                    scope.clientContext.setAuthCache(sharedAuthCache);
                    return chain.proceed(request, scope);
                })
                .addExecInterceptorAfter(ChainElement.PROTOCOL.name(), "one-stale-retry", new OneStaleRetry());
    }
}
