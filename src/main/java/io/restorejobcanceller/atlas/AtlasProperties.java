package io.restorejobcanceller.atlas;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code canceller.atlas.*}: where the Atlas Administration API is and how long to wait for it.
 *
 * @param baseUrl the API's base URL; {@code MONGODB_ATLAS_OPS_MANAGER_URL} is an alias (settings.DerivedSettings)
 * @param tokenUrl the service-account token endpoint; {@code null} derives it from the base URL
 * @param revokeUrl the service-account revocation endpoint; {@code null} derives it from the base URL
 * @param readTimeout the longest wait for each read of an answer
 * @param requestTimeout the longest one exchange may take, answer body included (the read timeout applies to each read)
 * @param tokenRefreshMargin a service-account token is renewed when less than this is left of its lifetime
 * @param profile the Atlas CLI profile to take credentials from when the environment has none; unset: its {@code default}
 *                profile, if there is one (settings.AtlasCliProfile)
 */
@Validated
@ConfigurationProperties("canceller.atlas")
public record AtlasProperties(
        @NotNull @DefaultValue("https://cloud.mongodb.com") URI baseUrl,
        @NotNull @DefaultValue("10s") Duration connectTimeout,
        @NotNull @DefaultValue("30s") Duration readTimeout,
        @NotNull @DefaultValue("60s") Duration requestTimeout,
        URI tokenUrl,
        URI revokeUrl,
        @NotNull @DefaultValue("60s") Duration tokenRefreshMargin,
        String profile) {

    /** The base URL without a trailing slash, so that API paths can be appended. */
    public String baseUrlWithoutSlash() {
        String url = baseUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public URI effectiveTokenUrl() {
        return tokenUrl != null ? tokenUrl : URI.create(baseUrlWithoutSlash() + "/api/oauth/token");
    }

    public URI effectiveRevokeUrl() {
        return revokeUrl != null ? revokeUrl : URI.create(baseUrlWithoutSlash() + "/api/oauth/revoke");
    }

    /**
     * Why one of the URLs that carry a secret (the API's, the token endpoint's, the revocation endpoint's) must not
     * be used, if so: each must be https unless its host is loopback.
     */
    public String secretUrlProblem() {
        String problem = urlProblem("canceller.atlas.base-url", baseUrl);
        if (problem == null && baseUrl.getPath() != null && baseUrl.getPath().startsWith("/api/")) {
            problem = "canceller.atlas.base-url is the site without the API's path (e.g. https://cloud.mongodb.com), not " + baseUrl;
        }
        problem = problem != null ? problem : urlProblem("canceller.atlas.token-url", effectiveTokenUrl());
        return problem != null ? problem : urlProblem("canceller.atlas.revoke-url", effectiveRevokeUrl());
    }

    private static String urlProblem(String key, URI url) {
        String scheme = url.getScheme();
        String host = url.getHost();
        if (host == null || !("https".equals(scheme) || "http".equals(scheme))) {
            return key + " must be an https URL with a host, not '" + url + "'";
        }
        if ("http".equals(scheme) && !isLoopback(host)) {
            return key + " must use https (plain http is allowed for loopback hosts only): " + url;
        }
        return null;
    }

    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
            return false; // a name other than localhost: never resolved, never trusted
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
