package io.restorejobcanceller.atlas.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Where a credential setting came from, said as an operator would look for it: a variable, a profile, a file. */
final class CredentialsOrigin {

    /** Spring Boot's view of every source at once, which holds every key: not an origin. */
    private static final String ALL_SOURCES = "configurationProperties";
    private static final Pattern CONFIG_FILE = Pattern.compile("\\[(.+?)]");

    private CredentialsOrigin() {
    }

    static String of(Environment environment, String key) {
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return key;
        }
        for (PropertySource<?> source : configurable.getPropertySources()) {
            if (!ALL_SOURCES.equals(source.getName()) && source.containsProperty(key)) {
                return source.getName().startsWith(AtlasCredentials.PROFILE_SOURCE) ? source.getName()
                        : key + " from " + named(source.getName());
            }
        }
        return key;
    }

    private static String named(String source) {
        if (source.equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            return "the environment";
        }
        Matcher file = CONFIG_FILE.matcher(source);
        return source.startsWith("Config resource") && file.find() ? "settings file " + file.group(1) : source;
    }
}
