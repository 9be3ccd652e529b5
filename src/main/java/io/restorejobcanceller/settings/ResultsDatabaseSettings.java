package io.restorejobcanceller.settings;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.restorejobcanceller.database.DatabaseUrl;
import io.restorejobcanceller.database.LiveSnapshot;
import io.restorejobcanceller.database.ResultsDatabase;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The results database as a run uses it: by default an H2 file under {@code $XDG_DATA_HOME/restore-job-canceller/}
 * (else {@code ~/.local/share/...}), whatever the working directory; any H2 file URL made durable (see
 * {@link DatabaseUrl#durable}); and for the commands that only read ({@code report}, {@code query}) an existing
 * database opened read-only, with no schema created or migrated; of the default database, while a run holds it, a copy
 * the run makes (see {@link LiveSnapshot}).
 */
public class ResultsDatabaseSettings implements EnvironmentPostProcessor, Ordered {

    private static final String DEFAULT_NAME = "canceller";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(DatabaseUrl.SETTING);
        boolean byDefault = configured == null || configured.isBlank();
        String url = byDefault ? defaultUrl(environment) : configured.strip();
        Map<String, Object> settings = new HashMap<>();
        boolean reading = CommandWord.isOneOf(environment, ResultsDatabase.READING_COMMANDS);
        if (reading) {
            url = DatabaseUrl.readOnly(url);
            settings.put("spring.flyway.enabled", "false");
            settings.put("spring.datasource.hikari.read-only", "true");
        }
        try {
            url = DatabaseUrl.durable(url);
        } catch (IllegalArgumentException conflicting) {
            // reported by KnownSettings once logging is set up: one line, not a start-up failure report
        }
        settings.put(DatabaseUrl.SETTING, url);
        if (byDefault) {
            Path live = dataDirectory(environment).resolve(LiveSnapshot.DIRECTORY);
            if (!reading) {
                settings.put(LiveSnapshot.DIRECTORY_SETTING, live.toString());
            } else {
                // a run holds the file: read the copy it makes, named as the file itself in what is printed
                String named = url;
                LiveSnapshot.url(live, DEFAULT_NAME).ifPresent(copy -> {
                    settings.put(DatabaseUrl.SHOWN, named);
                    settings.put(DatabaseUrl.SETTING, DatabaseUrl.durable(DatabaseUrl.readOnly(copy)));
                });
            }
        }
        environment.getPropertySources().addFirst(new MapPropertySource("resultsDatabase", settings));
    }

    static String defaultUrl(ConfigurableEnvironment environment) {
        return "jdbc:h2:file:" + dataDirectory(environment).resolve(DEFAULT_NAME);
    }

    private static Path dataDirectory(ConfigurableEnvironment environment) {
        return SettingsFiles.xdgDirectory(environment, "XDG_DATA_HOME", ".local/share").resolve(SettingsFiles.APPLICATION_DIRECTORY);
    }


    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
