package io.restorejobcanceller.atlas;

import java.time.Clock;

import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.hc5.ApacheHttp5Client;
import org.apache.hc.client5.http.auth.AuthCache;
import org.apache.hc.client5.http.auth.AuthSchemeFactory;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.util.Timeout;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.web.client.RestClient;

/** The Feign client for Atlas over one shared, pooled Apache HttpClient 5, with the configured credentials. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AtlasProperties.class)
public class AtlasClientConfiguration {

    @Bean
    AtlasCredentials atlasCredentials(Environment environment) {
        return AtlasCredentials.from(environment);
    }

    /**
     * HttpClient's own retries are off: a retried DELETE must be counted and decided by the job (which honours
     * Retry-After and records attempts), and HttpClient 5 would otherwise silently re-send idempotent requests.
     * System properties are on, so the JVM's {@code https.proxyHost}/{@code https.proxyPort} apply.
     */
    @Bean(destroyMethod = "close")
    CloseableHttpClient atlasHttpClient(AtlasProperties properties, AtlasCredentials credentials,
                                        ObjectProvider<BuildProperties> build,
                                        @Value("${canceller.concurrency:8}") int concurrency) {
        var connectionManager = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(concurrency + 2)
                .setMaxConnPerRoute(concurrency + 2)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.readTimeout()))
                        .build())
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connectionManager)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent(userAgent(build.getIfAvailable()))
                .useSystemProperties();
        if (credentials.kind() == AtlasCredentials.Kind.API_KEY) {
            useDigest(builder, properties, credentials);
        }
        return builder.build();
    }

    /**
     * HTTP Digest by HttpClient 5 itself. One auth cache shared by every request lets each DELETE answer the
     * server's last nonce preemptively (with the next nonce count) instead of paying a 401 round trip; a
     * {@code stale=true} challenge is answered transparently with the new nonce.
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
                });
    }

    @Bean(destroyMethod = "close")
    ServiceAccountTokens serviceAccountTokens(AtlasCredentials credentials, AtlasProperties properties,
                                              CloseableHttpClient atlasHttpClient, Clock clock) {
        if (credentials.kind() != AtlasCredentials.Kind.SERVICE_ACCOUNT) {
            return null;
        }
        RestClient tokenEndpoint = RestClient.builder()
                .requestFactory(new HttpComponentsClientHttpRequestFactory(atlasHttpClient))
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
        return new ServiceAccountTokens(credentials, properties.effectiveTokenUrl(), properties.effectiveRevokeUrl(),
                properties.tokenRefreshMargin(), tokenEndpoint, clock);
    }

    @Bean
    AtlasAuthorization atlasAuthorization(AtlasCredentials credentials, ObjectProvider<ServiceAccountTokens> tokens) {
        return new AtlasAuthorization(credentials, tokens.getIfAvailable());
    }

    @Bean
    AtlasBackupClient atlasBackupClient(CloseableHttpClient atlasHttpClient, AtlasProperties properties,
                                        AtlasAuthorization authorization) {
        return Feign.builder()
                .client(new ApacheHttp5Client(atlasHttpClient))
                .retryer(Retryer.NEVER_RETRY)
                .logLevel(Logger.Level.NONE)
                .options(new Request.Options(properties.connectTimeout(), properties.readTimeout(), false))
                .requestInterceptor(authorization)
                .target(AtlasBackupClient.class, properties.baseUrlWithoutSlash());
    }

    static String userAgent(BuildProperties build) {
        String version = build != null ? build.getVersion() : AtlasClientConfiguration.class.getPackage().getImplementationVersion();
        return "restore-job-canceller/" + (version != null ? version : "dev");
    }
}
