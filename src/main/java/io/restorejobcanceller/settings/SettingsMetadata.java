package io.restorejobcanceller.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * The {@code canceller.*} keys and their types, as {@code spring-boot-configuration-processor} generates them from the
 * {@code @ConfigurationProperties} records into the jar's {@code META-INF/spring-configuration-metadata.json} (with the
 * credential keys of {@code additional-spring-configuration-metadata.json}, which no record binds): the one list an
 * IDE completes and the settings check reads.
 */
final class SettingsMetadata {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private SettingsMetadata() {
    }

    /** Each key in its canonical form ({@code canceller.retry.max-attempts}) with its type, read once per start. */
    static Map<ConfigurationPropertyName, String> keys() {
        return Loaded.KEYS;
    }

    private static final class Loaded {
        private static final Map<ConfigurationPropertyName, String> KEYS = load();
    }

    private static Map<ConfigurationPropertyName, String> load() {
        Map<ConfigurationPropertyName, String> keys = new LinkedHashMap<>();
        try (InputStream in = SettingsMetadata.class.getClassLoader().getResourceAsStream(METADATA)) {
            if (in == null) {
                throw new IllegalStateException(METADATA + " is missing: the jar was built without spring-boot-configuration-processor");
            }
            for (JsonNode property : JsonMapper.builder().build().readTree(in).path("properties")) {
                String name = property.path("name").asString();
                if (name.startsWith(KnownSettings.PREFIX + ".")) {
                    keys.put(ConfigurationPropertyName.of(name), property.path("type").asString(""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /** Whether a key holds a list or a map, whose elements are written below it ({@code allowed-projects[0]}). */
    static boolean isContainer(String type) {
        return type.startsWith("java.util.List") || type.startsWith("java.util.Set") || type.startsWith("java.util.Map")
                || type.endsWith("[]");
    }
}
