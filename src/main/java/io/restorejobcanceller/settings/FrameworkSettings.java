package io.restorejobcanceller.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a mistyped {@code --spring.*}, {@code --logging.*} or {@code --management.*} setting on the command line
 * ({@code --spring.datasource.ulr=...} would otherwise run against the default database), by the configuration
 * metadata that Spring Boot's jars carry. Read only when such a setting is given, before anything starts.
 */
public final class FrameworkSettings {

    private static final List<String> METADATA = List.of("META-INF/spring-configuration-metadata.json",
            "META-INF/additional-spring-configuration-metadata.json");
    /** The frameworks' settings, as the command line takes them ({@code --spring.datasource.url=...}). */
    public static final List<String> PREFIXES = List.of("spring.", "logging.", "management.");

    /** The keys as the metadata spells them, for suggestions. */
    private final Set<String> originals = new HashSet<>();
    private final Set<String> keys = new HashSet<>();
    /** Keys whose type is a map or a list: any key below them is theirs ({@code logging.level.io.x}). */
    private final Set<String> containers = new HashSet<>();

    private FrameworkSettings() {
    }

    /** Why this key is not a known framework setting, or empty when it is one (or not under a framework prefix). */
    public static Optional<String> problem(String key) {
        if (PREFIXES.stream().noneMatch(key::startsWith)) {
            return Optional.empty();
        }
        return Loaded.SETTINGS.check(key);
    }

    /** The metadata, read once, when the first framework setting is checked. */
    private static final class Loaded {
        private static final FrameworkSettings SETTINGS = load();
    }

    private Optional<String> check(String key) {
        String canonical = canonical(key);
        if (keys.contains(canonical)) {
            return Optional.empty();
        }
        for (String container : containers) {
            if (canonical.startsWith(container + ".") || canonical.startsWith(container + "[")) {
                return Optional.empty();
            }
        }
        return Optional.of("unknown setting --" + key + " (did you mean --" + Spelling.closest(key, originals) + "?)");
    }

    private static FrameworkSettings load() {
        FrameworkSettings settings = new FrameworkSettings();
        JsonMapper json = JsonMapper.builder().build();
        ClassLoader loader = FrameworkSettings.class.getClassLoader();
        try {
            for (String name : METADATA) {
                for (URL url : Collections.list(loader.getResources(name))) {
                    try (InputStream in = url.openStream()) {
                        for (JsonNode property : json.readTree(in).path("properties")) {
                            settings.add(property.path("name").asString(), property.path("type").asString(""));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }

    private void add(String name, String type) {
        originals.add(name);
        keys.add(canonical(name));
        if (type.startsWith("java.util.Map") || type.startsWith("java.util.Properties") || type.startsWith("java.util.List")
                || type.endsWith("[]")) {
            containers.add(canonical(name));
        }
    }

    /** Spring's relaxed binding: case, dashes and underscores do not matter; list indexes are dropped. */
    private static String canonical(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("\\[[^]]*]$", "").replace("-", "").replace("_", "");
    }
}
