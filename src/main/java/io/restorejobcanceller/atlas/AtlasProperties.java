package io.restorejobcanceller.atlas;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code canceller.atlas.*}: where the Atlas Administration API is and how long to wait for it. */
@Validated
@ConfigurationProperties("canceller.atlas")
public record AtlasProperties(
        @NotNull @DefaultValue("https://cloud.mongodb.com") URI baseUrl,
        @NotNull @DefaultValue("10s") Duration connectTimeout,
        @NotNull @DefaultValue("30s") Duration readTimeout) {

    /** The base URL without a trailing slash, so that API paths can be appended. */
    public String baseUrlWithoutSlash() {
        String url = baseUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
