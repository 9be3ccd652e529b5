package io.restorejobcanceller.settings;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.restorejobcanceller.atlas.auth.AtlasCredentials;
import io.restorejobcanceller.database.DatabaseUrl;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Refuses a setting under {@code canceller.} that binds to no key, from wherever it comes (command line, environment
 * variable, settings file, {@code SPRING_APPLICATION_JSON}), naming it as it was written and the closest known key in
 * the same form: a typo must never run a job with a default instead of what was meant. Every form Spring Boot's
 * relaxed binding accepts is taken ({@code CANCELLER_SKIPLIMIT}, {@code CANCELLER_SKIP_LIMIT}, {@code skipLimit},
 * {@code skip_limit}); the keys are those of the configuration metadata generated from the records
 * ({@link SettingsMetadata}). It also refuses an H2 URL that contradicts the crash guarantee (see {@link DatabaseUrl#durable}).
 */
public class KnownSettings implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    public static final String PREFIX = "canceller";
    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of(PREFIX);
    private static final ConfigurationPropertyName SECRET = ConfigurationPropertyName.of(AtlasCredentials.PRIVATE_KEY_PROPERTY);

    /**
     * Why a setting must not be given on the command line, if so: a secret there is visible to every user of the host
     * ({@code ps}, {@code /proc/PID/cmdline}).
     */
    public static Optional<String> commandLineProblem(String key) {
        if (ConfigurationPropertySource.from(new MapPropertySource(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, Map.of(key, ""))).getConfigurationProperty(SECRET) == null) {
            return Optional.empty();
        }
        return Optional.of("--" + key + " is refused on the command line, where every user of this host can read it (ps): set "
                + AtlasCredentials.PRIVATE_API_KEY + ", or " + SECRET + " in a settings file, or --"
                + AtlasCredentials.PRIVATE_KEY_FILE_PROPERTY + "=FILE naming a file that holds it");
    }

    /** After the logging system is set up, so that a refusal is one line (see CancellerApplication), not a report. */
    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        SettingsFiles.announce(environment);
        DatabaseUrl.durable(environment.getProperty(DatabaseUrl.SETTING, "")); // refuses a URL against the crash guarantee
        Map<ConfigurationPropertyName, String> keys = SettingsMetadata.keys();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                WrittenSettings written = new WrittenSettings(source);
                for (String name : enumerable.getPropertyNames()) {
                    if (written.isUnder(ROOT, name) && written.boundKey(name, keys).isEmpty()) {
                        refuse(written, name, keys.keySet());
                    }
                }
            }
        }
    }

    private static void refuse(WrittenSettings written, String name, Set<ConfigurationPropertyName> keys) {
        Map<String, ConfigurationPropertyName> forms = written.isEnvironment() ? variableForms(keys) : writtenForms(keys);
        if (!written.isEnvironment()) {
            throw unknown(written.describe(name), Spelling.closest(name, forms.keySet()));
        }
        // variables of this prefix that are far from any setting (the launcher's CANCELLER_JAR...) are left alone
        Spelling.typoOf(name, forms.keySet()).ifPresent(meant -> {
            throw unknown(written.describe(name), meant);
        });
    }

    private static IllegalArgumentException unknown(String what, String closest) {
        return new IllegalArgumentException("unknown " + what + " (did you mean " + closest
                + "? every canceller.* setting is listed in docs/configuration.md)");
    }

    /** The forms a key is written in, in files and on the command line: {@code skip-limit}, {@code skipLimit}, {@code skip_limit}. */
    private static Map<String, ConfigurationPropertyName> writtenForms(Set<ConfigurationPropertyName> keys) {
        Map<String, ConfigurationPropertyName> forms = new TreeMap<>();
        for (ConfigurationPropertyName key : keys) {
            forms.put(key.toString(), key);
            forms.put(camel(key.toString()), key);
            forms.put(key.toString().replace('-', '_'), key);
        }
        return forms;
    }

    /** Spring Boot's two environment forms of a key: {@code CANCELLER_SKIPLIMIT} (its canonical one) and {@code CANCELLER_SKIP_LIMIT}. */
    private static Map<String, ConfigurationPropertyName> variableForms(Set<ConfigurationPropertyName> keys) {
        Map<String, ConfigurationPropertyName> forms = new TreeMap<>();
        for (ConfigurationPropertyName key : keys) {
            String upper = key.toString().toUpperCase(Locale.ROOT).replace('.', '_');
            forms.put(upper.replace("-", ""), key);
            forms.put(upper.replace('-', '_'), key);
        }
        return forms;
    }

    private static String camel(String key) {
        return Pattern.compile("-([a-z0-9])").matcher(key).replaceAll(match -> match.group(1).toUpperCase(Locale.ROOT));
    }

    /** Every {@code canceller.*} key, in its canonical form: {@code canceller.retry.max-attempts}. */
    static Set<String> knownKeys() {
        return SettingsMetadata.keys().keySet().stream().map(ConfigurationPropertyName::toString)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
