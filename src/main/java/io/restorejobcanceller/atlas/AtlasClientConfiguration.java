package io.restorejobcanceller.atlas;

import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.hc5.ApacheHttp5Client;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Feign client for Atlas over one shared, pooled Apache HttpClient 5. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AtlasProperties.class)
public class AtlasClientConfiguration {

    /**
     * HttpClient's own retries are off: a retried DELETE must be counted and decided by the job (which honours
     * Retry-After and records attempts), and HttpClient 5 would otherwise silently re-send idempotent requests.
     */
    @Bean(destroyMethod = "close")
    CloseableHttpClient atlasHttpClient(AtlasProperties properties, ObjectProvider<BuildProperties> build) {
        var connectionManager = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.readTimeout()))
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connectionManager)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent(userAgent(build.getIfAvailable()))
                .useSystemProperties()
                .build();
    }

    @Bean
    AtlasBackupClient atlasBackupClient(CloseableHttpClient atlasHttpClient, AtlasProperties properties,
                                        AtlasCredentials credentials) {
        return Feign.builder()
                .client(new ApacheHttp5Client(atlasHttpClient))
                .retryer(Retryer.NEVER_RETRY)
                .logLevel(Logger.Level.NONE)
                .options(new Request.Options(properties.connectTimeout(), properties.readTimeout(), false))
                .requestInterceptor(template -> credentials.authorizationHeader()
                        .ifPresent(value -> template.header("Authorization", value)))
                .target(AtlasBackupClient.class, properties.baseUrlWithoutSlash());
    }

    static String userAgent(BuildProperties build) {
        String version = build != null ? build.getVersion() : AtlasClientConfiguration.class.getPackage().getImplementationVersion();
        return "restore-job-canceller/" + (version != null ? version : "dev");
    }
}
