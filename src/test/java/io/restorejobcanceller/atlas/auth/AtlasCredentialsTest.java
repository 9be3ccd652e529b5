package io.restorejobcanceller.atlas.auth;

import static io.restorejobcanceller.atlas.auth.AtlasCredentials.ACCESS_TOKEN;
import static io.restorejobcanceller.atlas.auth.AtlasCredentials.CLIENT_ID;
import static io.restorejobcanceller.atlas.auth.AtlasCredentials.CLIENT_SECRET;
import static io.restorejobcanceller.atlas.auth.AtlasCredentials.PRIVATE_API_KEY;
import static io.restorejobcanceller.atlas.auth.AtlasCredentials.PRIVATE_KEY_FILE_PROPERTY;
import static io.restorejobcanceller.atlas.auth.AtlasCredentials.PRIVATE_KEY_PROPERTY;
import static io.restorejobcanceller.atlas.auth.AtlasCredentials.PROFILE_PROBLEM;
import static io.restorejobcanceller.atlas.auth.AtlasCredentials.PUBLIC_API_KEY;
import static io.restorejobcanceller.atlas.auth.AtlasCredentials.PUBLIC_KEY_PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

import io.restorejobcanceller.atlas.auth.AtlasCredentials.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** Which settings give which credentials, said as the plan line says them, or which one-line problem. */
class AtlasCredentialsTest {

    private static final String NO_CREDENTIALS = "no Atlas credentials: set MONGODB_ATLAS_CLIENT_ID and MONGODB_ATLAS_CLIENT_SECRET"
            + " (service account), or MONGODB_ATLAS_PUBLIC_API_KEY and MONGODB_ATLAS_PRIVATE_API_KEY (API key), or"
            + " MONGODB_ATLAS_ACCESS_TOKEN, or name an Atlas CLI profile with --profile";

    static Stream<Arguments> usable() {
        return Stream.of(
                Arguments.of(Map.of(CLIENT_ID, "mdb_sa_id_1", CLIENT_SECRET, "sa-secret"), Kind.SERVICE_ACCOUNT,
                        "service account mdb_sa_id_1 (MONGODB_ATLAS_CLIENT_ID from mockProperties)"),
                Arguments.of(Map.of(CLIENT_ID, "mdb_sa_id_1", CLIENT_SECRET, "sa-secret", PUBLIC_API_KEY, "abcdefgh",
                        PRIVATE_API_KEY, "key-secret", ACCESS_TOKEN, "token-secret"), Kind.SERVICE_ACCOUNT,
                        "service account mdb_sa_id_1 (MONGODB_ATLAS_CLIENT_ID from mockProperties)"),
                Arguments.of(Map.of(PUBLIC_API_KEY, " abcdefgh ", PRIVATE_API_KEY, "key-secret", ACCESS_TOKEN, "token-secret"),
                        Kind.API_KEY, "API key abcdefgh (MONGODB_ATLAS_PUBLIC_API_KEY from mockProperties)"),
                Arguments.of(Map.of(PUBLIC_KEY_PROPERTY, "abcdefgh", PRIVATE_KEY_PROPERTY, "key-secret"), Kind.API_KEY,
                        "API key abcdefgh (canceller.atlas.public-key from mockProperties)"),
                Arguments.of(Map.of(PUBLIC_API_KEY, "abcdefgh", PRIVATE_KEY_PROPERTY, "key-secret"), Kind.API_KEY,
                        "API key abcdefgh (MONGODB_ATLAS_PUBLIC_API_KEY from mockProperties)"),
                Arguments.of(Map.of(ACCESS_TOKEN, "token-secret"), Kind.ACCESS_TOKEN,
                        "an access token (MONGODB_ATLAS_ACCESS_TOKEN from mockProperties)"),
                Arguments.of(Map.of(ACCESS_TOKEN, "token-secret", PROFILE_PROBLEM, "the profile 'night' is not in config.toml"),
                        Kind.ACCESS_TOKEN, "an access token (MONGODB_ATLAS_ACCESS_TOKEN from mockProperties)"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("usable")
    void theCredentialsAreChosenAsTheAtlasCliChoosesThem(Map<String, String> settings, Kind kind, String described) {
        AtlasCredentials credentials = AtlasCredentials.from(environment(settings));

        assertThat(credentials.kind()).isEqualTo(kind);
        assertThat(credentials.problem()).isEmpty();
        assertThat(credentials.describe()).isEqualTo(described);
        assertThat(credentials.describe() + credentials).doesNotContain("sa-secret", "key-secret", "token-secret");
    }

    static Stream<Arguments> unusable() {
        return Stream.of(
                Arguments.of(Map.of(), NO_CREDENTIALS),
                Arguments.of(Map.of(CLIENT_ID, "mdb_sa_id_1"),
                        "MONGODB_ATLAS_CLIENT_SECRET is not set but MONGODB_ATLAS_CLIENT_ID is: a service account needs both"),
                Arguments.of(Map.of(CLIENT_SECRET, "sa-secret", ACCESS_TOKEN, "token-secret"),
                        "MONGODB_ATLAS_CLIENT_ID is not set but MONGODB_ATLAS_CLIENT_SECRET is: a service account needs both"),
                Arguments.of(Map.of(CLIENT_ID, "mdb_sa_id_1", CLIENT_SECRET, " "), "MONGODB_ATLAS_CLIENT_SECRET is set but empty,"
                        + " and MONGODB_ATLAS_CLIENT_ID is set: a service account needs both"),
                Arguments.of(Map.of(PUBLIC_API_KEY, "abcdefgh"), "MONGODB_ATLAS_PRIVATE_API_KEY (or canceller.atlas.private-key/"
                        + "canceller.atlas.private-key-file) is not set but MONGODB_ATLAS_PUBLIC_API_KEY (or canceller.atlas.public-key)"
                        + " is: an API key needs both"),
                Arguments.of(Map.of(PRIVATE_KEY_PROPERTY, "key-secret"), "MONGODB_ATLAS_PUBLIC_API_KEY (or canceller.atlas.public-key)"
                        + " is not set but MONGODB_ATLAS_PRIVATE_API_KEY (or canceller.atlas.private-key/canceller.atlas.private-key-file)"
                        + " is: an API key needs both"),
                Arguments.of(Map.of(ACCESS_TOKEN, ""), NO_CREDENTIALS.replace("no Atlas credentials: ",
                        "no Atlas credentials: MONGODB_ATLAS_ACCESS_TOKEN is set but empty; ")),
                Arguments.of(Map.of(PUBLIC_API_KEY, "", PRIVATE_API_KEY, ""), NO_CREDENTIALS.replace("no Atlas credentials: ",
                        "no Atlas credentials: MONGODB_ATLAS_PUBLIC_API_KEY and MONGODB_ATLAS_PRIVATE_API_KEY are set but empty; ")),
                Arguments.of(Map.of(PROFILE_PROBLEM, "the profile 'night' is not in /home/op/.config/atlascli/config.toml"),
                        "the profile 'night' is not in /home/op/.config/atlascli/config.toml"),
                Arguments.of(Map.of(PUBLIC_KEY_PROPERTY, "abcdefgh", PRIVATE_KEY_FILE_PROPERTY, "/nonexistent/private-key"),
                        "canceller.atlas.private-key-file: /nonexistent/private-key does not exist"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusable")
    void incompleteCredentialsAreOneProblemNamingWhatIsMissing(Map<String, String> settings, String problem) {
        AtlasCredentials credentials = AtlasCredentials.from(environment(settings));

        assertThat(credentials.kind()).isEqualTo(Kind.NONE);
        assertThat(credentials.problem()).contains(problem);
        assertThat(credentials.describe()).isEqualTo("no credentials");
        assertThat(problem).doesNotContain("sa-secret", "key-secret", "token-secret");
    }

    @Test
    void aPrivateKeyFileIsReadAndStrippedWhenNoPrivateKeyIsGiven(@TempDir Path directory) throws Exception {
        // given
        Path file = Files.writeString(directory.resolve("private-key"), "  file-secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        // when
        AtlasCredentials fromFile = AtlasCredentials.from(environment(Map.of(PUBLIC_KEY_PROPERTY, "abcdefgh",
                PRIVATE_KEY_FILE_PROPERTY, file.toString())));
        AtlasCredentials given = AtlasCredentials.from(environment(Map.of(PUBLIC_KEY_PROPERTY, "abcdefgh",
                PRIVATE_KEY_PROPERTY, "key-secret", PRIVATE_KEY_FILE_PROPERTY, file.toString())));

        // then
        assertThat(fromFile.kind()).isEqualTo(Kind.API_KEY);
        assertThat(fromFile.secret()).isEqualTo("file-secret");
        assertThat(given.secret()).isEqualTo("key-secret");
    }

    @Test
    void theOriginIsTheEnvironmentOrTheAtlasCliProfile() {
        // given
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of(ACCESS_TOKEN, "token-secret")));
        StandardEnvironment profile = new StandardEnvironment();
        profile.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME); // not this host's own
        profile.getPropertySources().addFirst(new MapPropertySource(AtlasCredentials.PROFILE_SOURCE + " 'night' of /x/config.toml",
                Map.of(PUBLIC_KEY_PROPERTY, "abcdefgh", PRIVATE_KEY_PROPERTY, "key-secret")));

        // then
        assertThat(AtlasCredentials.from(environment).describe()).isEqualTo("an access token (MONGODB_ATLAS_ACCESS_TOKEN from the environment)");
        assertThat(AtlasCredentials.from(profile).describe()).isEqualTo("API key abcdefgh (Atlas CLI profile 'night' of /x/config.toml)");
    }

    private static MockEnvironment environment(Map<String, String> settings) {
        MockEnvironment environment = new MockEnvironment();
        settings.forEach(environment::setProperty);
        return environment;
    }
}
