package io.restorejobcanceller.atlas.client;

import io.restorejobcanceller.atlas.auth.AtlasAuthorization;
import io.restorejobcanceller.atlas.auth.AtlasCredentials;
import io.restorejobcanceller.atlas.AtlasProperties;
import io.restorejobcanceller.atlas.Sleeper;
import java.time.Clock;

import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.hc5.ApacheHttp5Client;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The Feign client for Atlas over one shared, pooled Apache HttpClient 5, with the configured credentials. */
@Configuration(proxyBeanMethods = false)
public class AtlasClientConfiguration {

    /** The most requests in flight at once ({@code canceller.concurrency} is at most this); the HTTP pool holds as many. */
    public static final int MAX_CONCURRENT_REQUESTS = 32;

    @Bean
    AtlasCredentials atlasCredentials(Environment environment) {
        return AtlasCredentials.from(environment);
    }

    @Bean
    InFlightRequests inFlightRequests() {
        return new InFlightRequests();
    }

    @Bean(destroyMethod = "close")
    CloseableHttpClient atlasHttpClient(AtlasProperties properties, AtlasCredentials credentials,
                                        ObjectProvider<BuildProperties> build, InFlightRequests inFlightRequests) {
        return AtlasHttpClient.create(properties, credentials, userAgent(build.getIfAvailable()), inFlightRequests);
    }

    @Bean(destroyMethod = "close")
    AtlasAuthorization atlasAuthorization(AtlasCredentials credentials, AtlasProperties properties,
                                          CloseableHttpClient atlasHttpClient, Clock clock, Sleeper sleeper) {
        return AtlasAuthorization.forCredentials(credentials, properties, atlasHttpClient, clock, sleeper);
    }

    @Bean
    AtlasEndpoints atlasEndpoints(CloseableHttpClient atlasHttpClient, AtlasProperties properties,
                                        AtlasAuthorization authorization) {
        return Feign.builder()
                .client(new ApacheHttp5Client(atlasHttpClient))
                .retryer(Retryer.NEVER_RETRY)
                .logLevel(Logger.Level.NONE)
                .options(new Request.Options(properties.connectTimeout(), properties.readTimeout(), false))
                .requestInterceptor(authorization)
                .target(AtlasEndpoints.class, properties.baseUrlWithoutSlash());
    }

    static String userAgent(BuildProperties build) {
        String version = build != null ? build.getVersion() : AtlasClientConfiguration.class.getPackage().getImplementationVersion();
        return "restore-job-canceller/" + (version != null ? version : "dev");
    }
}
