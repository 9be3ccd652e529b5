package io.restorejobcanceller.atlas.auth;

import io.restorejobcanceller.atlas.AtlasProperties;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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
    /** Why the Atlas CLI profile gave no credentials (set by settings.AtlasCliProfile): said only by a run that needs them. */
    public static final String PROFILE_PROBLEM = "atlascli.profile-problem";

    /** How the name of the property source holding an Atlas CLI profile's credentials starts. */
    public static final String PROFILE_SOURCE = "Atlas CLI profile";

    public enum Kind { SERVICE_ACCOUNT, API_KEY, ACCESS_TOKEN, NONE }

    private final Kind kind;
    private final String id;
    private final String secret;
    private final String problem;
    private final String origin;
    /** No credentials are set at all (rather than some set wrongly). */
    private final boolean unset;

    private AtlasCredentials(Kind kind, String id, String secret, String problem, String origin, boolean unset) {
        this.kind = kind;
        this.id = id;
        this.secret = secret;
        this.problem = problem;
        this.origin = origin;
        this.unset = unset;
    }

    public static AtlasCredentials from(Environment environment) {
        String clientId = value(environment, CLIENT_ID);
        String clientSecret = value(environment, CLIENT_SECRET);
        String publicKey = firstOf(value(environment, PUBLIC_API_KEY), value(environment, PUBLIC_KEY_PROPERTY));
        String privateKey = firstOf(value(environment, PRIVATE_API_KEY), value(environment, PRIVATE_KEY_PROPERTY));
        String keyFile = value(environment, PRIVATE_KEY_FILE_PROPERTY);
        if (privateKey == null && keyFile != null) {
            try {
                privateKey = firstOf(SecretFile.read(Path.of(keyFile)).strip(), null);
            } catch (IOException e) {
                return invalid(PRIVATE_KEY_FILE_PROPERTY + ": " + e.getMessage());
            }
        }
        String half = halfPair(environment, clientId, CLIENT_ID, clientSecret, CLIENT_SECRET, "a service account");
        half = half != null ? half : halfPair(environment, publicKey, PUBLIC_API_KEY + " (or " + PUBLIC_KEY_PROPERTY + ")",
                privateKey, PRIVATE_API_KEY + " (or " + PRIVATE_KEY_PROPERTY + "/" + PRIVATE_KEY_FILE_PROPERTY + ")", "an API key");
        if (half != null) {
            return invalid(half);
        }
        if (clientId != null) {
            return new AtlasCredentials(Kind.SERVICE_ACCOUNT, clientId, clientSecret, null, CredentialsOrigin.of(environment, CLIENT_ID), false);
        }
        if (publicKey != null) {
            return new AtlasCredentials(Kind.API_KEY, publicKey, privateKey, null,
                    CredentialsOrigin.of(environment, value(environment, PUBLIC_API_KEY) != null ? PUBLIC_API_KEY : PUBLIC_KEY_PROPERTY), false);
        }
        String token = value(environment, ACCESS_TOKEN);
        if (token != null) {
            return new AtlasCredentials(Kind.ACCESS_TOKEN, null, token, null, CredentialsOrigin.of(environment, ACCESS_TOKEN), false);
        }
        List<String> empty = Stream.of(CLIENT_ID, CLIENT_SECRET, PUBLIC_API_KEY, PRIVATE_API_KEY, ACCESS_TOKEN)
                .filter(environment::containsProperty).toList(); // present, yet blank: value() found none of them
        String setButEmpty = empty.isEmpty() ? "" : String.join(" and ", empty) + (empty.size() == 1 ? " is" : " are")
                + " set but empty; ";
        String profileProblem = value(environment, PROFILE_PROBLEM);
        if (profileProblem != null) {
            return invalid(profileProblem);
        }
        return new AtlasCredentials(Kind.NONE, null, null, "no Atlas credentials: " + setButEmpty + "set " + CLIENT_ID
                + " and " + CLIENT_SECRET + " (service account), or " + PUBLIC_API_KEY + " and " + PRIVATE_API_KEY
                + " (API key), or " + ACCESS_TOKEN + ", or name an Atlas CLI profile with --profile", null, true);
    }

    private static AtlasCredentials invalid(String problem) {
        return new AtlasCredentials(Kind.NONE, null, null, problem, null, false);
    }

    private static String halfPair(Environment environment, String first, String firstName, String second,
            String secondName, String what) {
        if ((first == null) == (second == null)) {
            return null;
        }
        String missing = first == null ? firstName : secondName;
        String present = first == null ? secondName : firstName;
        boolean empty = environment.containsProperty(missing.split(" ", 2)[0]); // "NAME (or property)"
        return missing + (empty ? " is set but empty, and " + present + " is set: " : " is not set but " + present + " is: ")
                + what + " needs both";
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

    /**
     * Why a command cannot call Atlas with these credentials at this base URL (a secret over plain http), if so.
     *
     * @param whenUnset what the command adds when no credentials are set at all: what it can do without them, or what
     *                  it needs of them (e.g. {@code " (or use --dry-run, which sends nothing)"})
     */
    public Optional<String> problemCalling(AtlasProperties atlas, String whenUnset) {
        return problem().map(problem -> unset ? problem + whenUnset : problem).or(() -> Optional.ofNullable(atlas.secretUrlProblem()));
    }

    /**
     * Who the requests are sent as, and where that came from, e.g. {@code service account mdb_sa_id_… (MONGODB_ATLAS_CLIENT_ID
     * from the environment)}; never the secret.
     */
    public String describe() {
        return switch (kind) {
            case SERVICE_ACCOUNT -> "service account " + id + " (" + origin + ")";
            case API_KEY -> "API key " + id + " (" + origin + ")";
            case ACCESS_TOKEN -> "an access token (" + origin + ")";
            case NONE -> "no credentials";
        };
    }

    /** The client id or public key; not a secret. */
    public String id() {
        return id;
    }

    /** The client secret, private key or access token. */
    public String secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "AtlasCredentials[" + kind + (id != null ? " " + id : "") + ", secret redacted]";
    }
}
