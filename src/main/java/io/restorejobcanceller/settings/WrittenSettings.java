package io.restorejobcanceller.settings;

import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.Resource;

/**
 * A setting as the user wrote it ({@code CANCELLER_SKIPLIMIT}, {@code baseUrl:} in a YAML file, a key of
 * {@code SPRING_APPLICATION_JSON}) and the key it stands for, decided by Spring Boot's relaxed binding itself: the
 * written name alone is offered to Boot as a property source, and the key is the one Boot would bind from it.
 */
record WrittenSettings(PropertySource<?> source) {

    private static final String APPLICATION_JSON = "spring.application.json";

    boolean isEnvironment() {
        return source instanceof SystemEnvironmentPropertySource;
    }

    /** The key (or list or map) that Boot binds from this written name, among the keys given. */
    Optional<ConfigurationPropertyName> boundKey(String written, Map<ConfigurationPropertyName, String> keys) {
        ConfigurationPropertySource alone = alone(written);
        return keys.entrySet().stream().filter(key -> alone.getConfigurationProperty(key.getKey()) != null
                || SettingsMetadata.isContainer(key.getValue())
                        && alone.containsDescendantOf(key.getKey()) == ConfigurationPropertyState.PRESENT)
                .map(Map.Entry::getKey).findFirst();
    }

    /** Whether the written name lies under the prefix, as Boot reads it ({@code CANCELLER_X}: {@code canceller.x}). */
    boolean isUnder(ConfigurationPropertyName prefix, String written) {
        String first = prefix.getElement(0, ConfigurationPropertyName.Form.UNIFORM);
        if (!written.regionMatches(true, 0, first, 0, first.length())) {
            return false; // never under it in any form: spares asking Boot for each of the JVM's own properties
        }
        return alone(written) instanceof IterableConfigurationPropertySource names && names.stream().anyMatch(prefix::isAncestorOf);
    }

    /** The name under which this source holds the key's value, as written. */
    Optional<String> writtenNameOf(ConfigurationPropertyName key) {
        if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
            return Optional.empty();
        }
        for (String written : enumerable.getPropertyNames()) {
            if (alone(written).getConfigurationProperty(key) != null) {
                return Optional.of(written);
            }
        }
        return Optional.empty();
    }

    /** Where a written name is: {@code environment variable X}, {@code setting x in FILE:LINE}... */
    String describe(String written) {
        if (isEnvironment()) {
            return "environment variable " + written;
        }
        if (CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME.equals(source.getName())) {
            return "setting " + written;
        }
        if (APPLICATION_JSON.equals(source.getName())) {
            return "setting " + written + " in SPRING_APPLICATION_JSON";
        }
        if (StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME.equals(source.getName())) {
            return "system property -D" + written;
        }
        return "setting " + written + location(written).map(where -> " in " + where).orElse(" (" + source.getName() + ")");
    }

    /** Where a value came from, as a short note: {@code environment}, {@code FILE:LINE}, or empty for the command line. */
    String origin(String written) {
        if (isEnvironment()) {
            return "environment";
        }
        if (APPLICATION_JSON.equals(source.getName())) {
            return "SPRING_APPLICATION_JSON";
        }
        return location(written).orElse("");
    }

    /** The file and line of a name read from a settings file. */
    private Optional<String> location(String written) {
        Origin origin = source instanceof OriginLookup<?> lookup ? lookupOrigin(lookup, written) : null;
        if (origin instanceof TextResourceOrigin text && text.getResource() != null) {
            String file = file(text.getResource());
            return Optional.of(text.getLocation() == null ? file : file + ":" + (text.getLocation().getLine() + 1));
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Origin lookupOrigin(OriginLookup<?> lookup, String written) {
        return ((OriginLookup<String>) lookup).getOrigin(written);
    }

    private static String file(Resource resource) {
        try {
            return resource.isFile() ? resource.getFile().getPath() : resource.getDescription();
        } catch (Exception notAFile) {
            return resource.getDescription();
        }
    }

    /** The written name alone, in a property source of the same kind (Boot maps environment variables differently). */
    ConfigurationPropertySource alone(String written) {
        Object value = source.getProperty(written);
        Map<String, Object> one = Map.of(written, value == null ? "" : value);
        PropertySource<?> single = isEnvironment() ? new SystemEnvironmentPropertySource(source.getName(), one)
                : new MapPropertySource(source.getName(), one);
        return ConfigurationPropertySource.from(single);
    }
}
