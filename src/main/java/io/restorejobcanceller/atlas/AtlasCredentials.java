package io.restorejobcanceller.atlas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.core.env.Environment;

/**
 * The credentials Atlas is called with, chosen the way the Atlas CLI does from the environment: a service account
 * if both of its variables are set, else an API key pair, else a static access token. Kept in memory only: never
 * in job parameters, the database, logs or exception messages ({@link #toString()} is redacted).
 */
public final class AtlasCredentials {

    public static final String CLIENT_ID = "MONGODB_ATLAS_CLIENT_ID";
    public static final String CLIENT_SECRET = "MONGODB_ATLAS_CLIENT_SECRET";
    public static final String PUBLIC_API_KEY = "MONGODB_ATLAS_PUBLIC_API_KEY";
    public static final String PRIVATE_API_KEY = "MONGODB_ATLAS_PRIVATE_API_KEY";
    public static final String ACCESS_TOKEN = "MONGODB_ATLAS_ACCESS_TOKEN";
    public static final String PUBLIC_KEY_PROPERTY = "canceller.atlas.public-key";
    public static final String PRIVATE_KEY_PROPERTY = "canceller.atlas.private-key";
    public static final String PRIVATE_KEY_FILE_PROPERTY = "canceller.atlas.private-key-file";

    public enum Kind { SERVICE_ACCOUNT, API_KEY, ACCESS_TOKEN, NONE }

    private final Kind kind;
    private final String id;
    private final String secret;
    private final String problem;

    private AtlasCredentials(Kind kind, String id, String secret, String problem) {
        this.kind = kind;
        this.id = id;
        this.secret = secret;
        this.problem = problem;
    }

    public static AtlasCredentials from(Environment environment) {
        String clientId = value(environment, CLIENT_ID);
        String clientSecret = value(environment, CLIENT_SECRET);
        String publicKey = firstOf(value(environment, PUBLIC_API_KEY), value(environment, PUBLIC_KEY_PROPERTY));
        String privateKey = firstOf(value(environment, PRIVATE_API_KEY), value(environment, PRIVATE_KEY_PROPERTY));
        String keyFile = value(environment, PRIVATE_KEY_FILE_PROPERTY);
        if (privateKey == null && keyFile != null) {
            try {
                privateKey = firstOf(Files.readString(Path.of(keyFile)).strip(), null);
            } catch (IOException e) {
                return invalid(PRIVATE_KEY_FILE_PROPERTY + " names a file that cannot be read: " + keyFile);
            }
        }
        String half = halfPair(clientId, CLIENT_ID, clientSecret, CLIENT_SECRET, "a service account");
        half = half != null ? half : halfPair(publicKey, PUBLIC_API_KEY + " (or " + PUBLIC_KEY_PROPERTY + ")",
                privateKey, PRIVATE_API_KEY + " (or " + PRIVATE_KEY_PROPERTY + "/" + PRIVATE_KEY_FILE_PROPERTY + ")", "an API key");
        if (half != null) {
            return invalid(half);
        }
        if (clientId != null) {
            return new AtlasCredentials(Kind.SERVICE_ACCOUNT, clientId, clientSecret, null);
        }
        if (publicKey != null) {
            return new AtlasCredentials(Kind.API_KEY, publicKey, privateKey, null);
        }
        String token = value(environment, ACCESS_TOKEN);
        if (token != null) {
            return new AtlasCredentials(Kind.ACCESS_TOKEN, null, token, null);
        }
        return invalid("no Atlas credentials: set " + CLIENT_ID + " and " + CLIENT_SECRET + " (service account), or "
                + PUBLIC_API_KEY + " and " + PRIVATE_API_KEY + " (API key), or " + ACCESS_TOKEN
                + ", or name an Atlas CLI profile with --profile (or use --dry-run, which sends nothing)");
    }

    private static AtlasCredentials invalid(String problem) {
        return new AtlasCredentials(Kind.NONE, null, null, problem);
    }

    private static String halfPair(String first, String firstName, String second, String secondName, String what) {
        if ((first == null) == (second == null)) {
            return null;
        }
        String missing = first == null ? firstName : secondName;
        String present = first == null ? secondName : firstName;
        return missing + " is not set but " + present + " is: " + what + " needs both";
    }

    private static String value(Environment environment, String name) {
        return firstOf(environment.getProperty(name), null);
    }

    private static String firstOf(String value, String fallback) {
        return value != null && !value.isBlank() ? value.strip() : fallback;
    }

    public Kind kind() {
        return kind;
    }

    /** Why no usable credentials are configured, if so. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** The client id or public key; not a secret. */
    String id() {
        return id;
    }

    /** The client secret, private key or access token. */
    String secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "AtlasCredentials[" + kind + (id != null ? " " + id : "") + ", secret redacted]";
    }
}
