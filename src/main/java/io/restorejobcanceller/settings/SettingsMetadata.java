package io.restorejobcanceller.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;


/**
 * The {@code canceller.*} keys and their types, as {@code spring-boot-configuration-processor} generates them from the
 * {@code @ConfigurationProperties} records into the jar's {@code META-INF/spring-configuration-metadata.json} (with the
 * credential keys of {@code additional-spring-configuration-metadata.json}, which no record binds): the one list an
 * IDE completes and the settings check reads.
 */
public final class SettingsMetadata {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private SettingsMetadata() {
    }

    /** Each key in its canonical form ({@code canceller.retry.max-attempts}) with its type, read once per start. */
    static Map<ConfigurationPropertyName, String> keys() {
        return Loaded.METADATA.keys();
    }

    /** The keys that have a default, with it as the records declare it ({@code canceller.skip-limit} → {@code 100}). */
    public static Map<String, String> defaults() {
        return Loaded.METADATA.defaults();
    }

    private record Metadata(Map<ConfigurationPropertyName, String> keys, Map<String, String> defaults) {
    }

    private static final class Loaded {
        private static final Metadata METADATA = load();
    }

    /**
     * The first metadata on the class path that has {@code canceller.*} keys: this jar's, normally the first (every
     * Spring Boot jar carries one of its own, read only if this jar's were not first).
     */
    private static Metadata load() {
        try {
            for (URL url : Collections.list(SettingsMetadata.class.getClassLoader().getResources(METADATA))) {
                try (InputStream in = url.openStream()) {
                    Metadata metadata = read(in);
                    if (!metadata.keys().isEmpty()) {
                        return metadata;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(METADATA + " with canceller.* keys is missing: the jar was built without spring-boot-configuration-processor");
    }

    /** Read with Jackson's streaming parser: its object mapper's first use would cost a start 0.2-0.5 s. */
    private static Metadata read(InputStream in) {
        Map<ConfigurationPropertyName, String> keys = new LinkedHashMap<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        try (JsonParser json = new JsonFactory().createParser(ObjectReadContext.empty(), in)) {
            json.nextToken(); // the document's object
            while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                boolean properties = "properties".equals(json.currentName());
                if (json.nextToken() != JsonToken.START_ARRAY || !properties) {
                    json.skipChildren();
                    continue;
                }
                while (json.nextToken() == JsonToken.START_OBJECT) {
                    Map<String, String> property = new HashMap<>();
                    while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                        String field = json.currentName();
                        json.nextToken();
                        property.put(field, json.getText());
                        json.skipChildren();
                    }
                    String name = property.getOrDefault("name", "");
                    if (name.startsWith(KnownSettings.PREFIX + ".")) {
                        keys.put(ConfigurationPropertyName.of(name), property.getOrDefault("type", ""));
                        if (property.containsKey("defaultValue")) {
                            defaults.put(name, property.get("defaultValue"));
                        }
                    }
                }
            }
        }
        return new Metadata(keys, defaults);
    }

    /** Whether a key holds a list or a map, whose elements are written below it ({@code allowed-projects[0]}). */
    static boolean isContainer(String type) {
        return type.startsWith("java.util.List") || type.startsWith("java.util.Set") || type.startsWith("java.util.Map")
                || type.endsWith("[]");
    }
}
