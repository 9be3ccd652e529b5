package io.restorejobcanceller.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.restorejobcanceller.atlas.auth.AtlasCredentials;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** The configuration page's table (docs/configuration.md) says exactly what the {@code @ConfigurationProperties} records say. */
class SettingsDocumentationTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(canceller\\.[a-z.-]+)` \\| (?:`([^`]*)`|—) \\|", Pattern.MULTILINE);

    @Test
    void theConfigurationPageListsEveryKeyWithTheDefaultOfItsRecord() throws Exception {
        assertThat(documented()).isEqualTo(declared());
    }

    @Test
    void theKnownKeysAreTheRecordsKeysAndTheCredentialKeys() throws Exception {
        assertThat(KnownSettings.knownKeys()).containsExactlyInAnyOrderElementsOf(
                Stream.concat(declared().keySet().stream(), Stream.of(AtlasCredentials.PUBLIC_KEY_PROPERTY,
                        AtlasCredentials.PRIVATE_KEY_PROPERTY, AtlasCredentials.PRIVATE_KEY_FILE_PROPERTY)).toList());
    }

    /** Key to default ("" where there is none), from docs/configuration.md. */
    private static Map<String, String> documented() throws IOException {
        Map<String, String> keys = new TreeMap<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("docs/configuration.md")));
        while (row.find()) {
            keys.put(row.group(1), row.group(2) == null ? "" : row.group(2));
        }
        return keys;
    }

    /** Key to default ("" where there is none), from the records. */
    private static Map<String, String> declared() throws ReflectiveOperationException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Map<String, String> keys = new TreeMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.restorejobcanceller")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            RecordComponent[] components = type.getRecordComponents();
            // @DefaultValue sits on the parameters of the canonical constructor
            Parameter[] parameters = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new)).getParameters();
            for (int i = 0; i < components.length; i++) {
                DefaultValue defaultValue = parameters[i].getAnnotation(DefaultValue.class);
                keys.put(prefix + "." + kebab(components[i].getName()),
                        defaultValue == null ? "" : String.join(",", defaultValue.value()));
            }
        }
        return keys;
    }

    private static String kebab(String name) {
        return name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
