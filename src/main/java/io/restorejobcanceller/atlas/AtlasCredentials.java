package io.restorejobcanceller.atlas;

import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The credentials Atlas is called with, read from the environment at start-up and kept only in memory:
 * never in job parameters, the database, logs or exception messages.
 */
@Component
public class AtlasCredentials {

    public static final String ACCESS_TOKEN_VARIABLE = "MONGODB_ATLAS_ACCESS_TOKEN";

    private final String accessToken;

    public AtlasCredentials(Environment environment) {
        String token = environment.getProperty(ACCESS_TOKEN_VARIABLE);
        this.accessToken = token == null || token.isBlank() ? null : token.strip();
    }

    public boolean isPresent() {
        return accessToken != null;
    }

    /** The value of the {@code Authorization} header, if credentials are configured. */
    Optional<String> authorizationHeader() {
        return Optional.ofNullable(accessToken).map(token -> "Bearer " + token);
    }

    @Override
    public String toString() {
        return "AtlasCredentials[" + (isPresent() ? "bearer token, redacted" : "none") + "]";
    }
}
