package io.restorejobcanceller.settings;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.restorejobcanceller.atlas.AtlasProperties;
import io.restorejobcanceller.cli.InputProperties;
import io.restorejobcanceller.cli.ScheduleProperties;
import io.restorejobcanceller.database.DatabaseUrl;
import io.restorejobcanceller.database.QueryProperties;
import io.restorejobcanceller.job.GuardProperties;
import io.restorejobcanceller.job.StepProperties;
import io.restorejobcanceller.sending.RateProperties;
import io.restorejobcanceller.sending.RetryProperties;
import io.restorejobcanceller.sending.SendingProperties;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Refuses a setting under {@code canceller.} that no properties record knows, from wherever it comes (command line,
 * environment variable, settings file), naming the closest known one: a typo must never run a job with a default
 * instead of what was meant. The known keys are read from the {@code @ConfigurationProperties} records themselves.
 * It also refuses an H2 URL that contradicts the crash guarantee (see {@link DatabaseUrl#durable}).
 */
public class KnownSettings implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    public static final String PREFIX = "canceller";
    /**
     * The settings records. Listed rather than scanned for at every start (a classpath scan costs a start about
     * 0.1 s); {@code SettingsDocumentationTest} scans and fails when a record is missing here.
     */
    static final List<Class<?>> SETTINGS = List.of(AtlasProperties.class, RateProperties.class, RetryProperties.class,
            SendingProperties.class, StepProperties.class, GuardProperties.class, InputProperties.class, ScheduleProperties.class,
            QueryProperties.class);

    /** After the logging system is set up, so that a refusal is one line (see CancellerApplication), not a report. */
    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        DatabaseUrl.durable(environment.getProperty(ResultsDatabaseSettings.URL, "")); // refuses a URL against the crash guarantee
        Set<String> known = knownKeys();
        // environment variables: CANCELLER_SKIP_LIMIT cannot be turned back into a dotted key, so compare theirs
        Map<String, String> knownVariables = new TreeMap<>();
        known.forEach(key -> knownVariables.put(key.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_"), key));
        // variables of this prefix that are no setting at all (the launcher's CANCELLER_JAR...) are left alone
        for (String variable : environment.getSystemEnvironment().keySet()) {
            if (variable.startsWith(PREFIX.toUpperCase(Locale.ROOT) + "_") && !knownVariables.containsKey(variable)) {
                Spelling.typoOf(variable, knownVariables.keySet()).ifPresent(meant -> {
                    throw unknown("environment variable " + variable, knownVariables.get(meant));
                });
            }
        }
        ConfigurationPropertyName root = ConfigurationPropertyName.of(PREFIX);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable
                    && !(source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource)) {
                iterable.filter(root::isAncestorOf).forEach(name -> {
                    if (!known.contains(name.toString())) {
                        throw unknown("setting " + name, Spelling.closest(name.toString(), known));
                    }
                });
            }
        }
    }

    private static IllegalArgumentException unknown(String what, String closest) {
        return new IllegalArgumentException("unknown " + what + " (did you mean " + closest
                + "? every canceller.* setting is listed in the README's Configuration table)");
    }

    /** Every {@code canceller.*} key, in its canonical form: {@code canceller.retry.max-attempts}. */
    static Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>();
        for (Class<?> type : SETTINGS) {
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            for (var component : type.getRecordComponents()) {
                keys.add(prefix + "." + component.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT));
            }
        }
        return keys;
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
