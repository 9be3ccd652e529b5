package io.restorejobcanceller.settings;

import io.restorejobcanceller.atlas.auth.AtlasCredentials;
import io.restorejobcanceller.atlas.auth.SecretFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Credentials from the Atlas CLI's own configuration ({@code $XDG_CONFIG_HOME/atlascli/config.toml}, else
 * {@code ~/.config/atlascli/config.toml}) for the commands that call Atlas: the profile {@code canceller.atlas.profile}
 * ({@code --profile}), else the Atlas CLI's {@code default} one. As in the Atlas CLI, credentials in the environment
 * win: the profile is read only when none are there. Its values stand in for the environment variables of the same
 * meaning (they are never logged, and never reach job parameters, the database or reports); the profile's
 * {@code ops_manager_url} is the base URL unless one is configured.
 */
public class AtlasCliProfile implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    public static final String PROFILE = "canceller.atlas.profile";
    private static final String DEFAULT_PROFILE = "default";
    private static final Set<String> CALLING_COMMANDS = Set.of("cancel", "restart", "schedule");
    private static final List<String> CREDENTIAL_VARIABLES = List.of(AtlasCredentials.CLIENT_ID, AtlasCredentials.CLIENT_SECRET,
            AtlasCredentials.PUBLIC_API_KEY, AtlasCredentials.PRIVATE_API_KEY, AtlasCredentials.ACCESS_TOKEN);
    /** The Atlas CLI's profile keys, and the environment variables they stand for. */
    private static final Map<String, String> KEYS = Map.of("client_id", AtlasCredentials.CLIENT_ID,
            "client_secret", AtlasCredentials.CLIENT_SECRET, "public_api_key", AtlasCredentials.PUBLIC_API_KEY,
            "private_api_key", AtlasCredentials.PRIVATE_API_KEY);
    private static final String OPS_MANAGER_URL = "ops_manager_url";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (!CommandWord.isOneOf(environment, CALLING_COMMANDS) || CREDENTIAL_VARIABLES.stream().anyMatch(name -> hasValue(environment, name))) {
            return;
        }
        String named = environment.getProperty(PROFILE, "").strip();
        String profile = named.isEmpty() ? DEFAULT_PROFILE : named;
        Path file = SettingsFiles.xdgDirectory(environment, "XDG_CONFIG_HOME", ".config").resolve("atlascli/config.toml");
        Map<String, Object> settings;
        try {
            settings = settings(environment, named, profile, file);
        } catch (IllegalArgumentException unusable) { // said by a run that needs credentials: a dry run needs none
            settings = Map.of(AtlasCredentials.PROFILE_PROBLEM, unusable.getMessage());
        }
        // the source's name is what the run says the credentials came from
        environment.getPropertySources().addLast(new MapPropertySource(
                AtlasCredentials.PROFILE_SOURCE + " '" + profile + "' of " + file, settings));
    }

    private static Map<String, Object> settings(ConfigurableEnvironment environment, String named, String profile, Path file) {
        if (!Files.isRegularFile(file)) {
            if (!named.isEmpty()) {
                throw new IllegalArgumentException("there is no Atlas CLI configuration " + file + " to read profile '"
                        + profile + "' from (" + PROFILE + ", --profile)");
            }
            return Map.of();
        }
        JsonNode profiles = read(file);
        JsonNode values = profiles.path(profile);
        if (!values.isObject()) {
            if (!named.isEmpty()) {
                throw new IllegalArgumentException("the Atlas CLI configuration " + file + " has no profile '" + profile
                        + "' (it has: " + String.join(", ", new TreeSet<>(profiles.propertyNames())) + ")");
            }
            return Map.of();
        }
        Map<String, Object> settings = new HashMap<>();
        KEYS.forEach((key, variable) -> {
            String value = values.path(key).asString("").strip();
            if (!value.isEmpty()) {
                settings.put(variable, value);
            }
        });
        String baseUrl = values.path(OPS_MANAGER_URL).asString("").strip();
        if (!baseUrl.isEmpty() && !environment.containsProperty(DerivedSettings.BASE_URL)) {
            settings.put(DerivedSettings.BASE_URL, baseUrl);
        }
        return settings;
    }

    private static boolean hasValue(ConfigurableEnvironment environment, String name) {
        String value = environment.getProperty(name);
        return value != null && !value.isBlank();
    }

    private static JsonNode read(Path file) {
        try {
            return new TomlMapper().readTree(SecretFile.read(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("the Atlas CLI configuration cannot be used: " + e.getMessage());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the Atlas CLI configuration " + file + " is not valid TOML: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    /** After the logging system is set up, so that a missing profile is one line (see CancellerApplication), not a report. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
