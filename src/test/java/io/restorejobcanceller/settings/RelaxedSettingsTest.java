package io.restorejobcanceller.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.restorejobcanceller.atlas.auth.AtlasCredentials;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.support.SpringApplicationJsonEnvironmentPostProcessor;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every form of every setting that Spring Boot's relaxed binding takes is taken, and binds to what its canonical form
 * binds to; what binds to nothing is refused naming it as written, where, and the closest key in the same form.
 */
class RelaxedSettingsTest {

    @TempDir
    static Path directory;

    /** The forms users write a key in: {@code canceller.skip-limit} as each would write it. */
    enum Form {
        VARIABLE(key -> key.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "")),
        VARIABLE_UNDERSCORED(key -> key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')),
        YAML_KEBAB(key -> key),
        YAML_CAMEL(RelaxedSettingsTest::camel),
        YAML_UNDERSCORED(key -> key.replace('-', '_')),
        PROPERTIES_CAMEL(RelaxedSettingsTest::camel),
        PROPERTIES_KEBAB(key -> key),
        APPLICATION_JSON(RelaxedSettingsTest::camel),
        COMMAND_LINE(key -> key);

        final Function<String, String> written;

        Form(Function<String, String> written) {
            this.written = written;
        }
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void everySettingOfTheRecordsIsTakenAndBindsAsItsCanonicalForm(Form form) throws Exception {
        for (Class<?> record : records()) {
            String prefix = record.getAnnotation(ConfigurationProperties.class).value();
            for (RecordComponent component : record.getRecordComponents()) {
                // given
                String key = prefix + "." + kebab(component.getName());
                String value = valueFor(component.getType());
                StandardEnvironment written = environment(form, form.written.apply(key), value);
                StandardEnvironment canonical = environment(Form.COMMAND_LINE, key, value);

                // when
                check(written);
                Method accessor = component.getAccessor();
                accessor.setAccessible(true); // the records are package-private in their rooms
                Object bound = accessor.invoke(Binder.get(written).bindOrCreate(prefix, record));

                // then
                assertThat(bound).as(form + " " + form.written.apply(key)).isEqualTo(
                        accessor.invoke(Binder.get(canonical).bindOrCreate(prefix, record)));
                assertThat(bound).as(key + " bound from a value, not its default").isNotEqualTo(
                        accessor.invoke(Binder.get(new StandardEnvironment()).bindOrCreate(prefix, record)));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void theCredentialSettingsAreKnownInEveryForm(Form form) throws Exception {
        for (String key : List.of(AtlasCredentials.PUBLIC_KEY_PROPERTY, AtlasCredentials.PRIVATE_KEY_PROPERTY,
                AtlasCredentials.PRIVATE_KEY_FILE_PROPERTY)) {
            StandardEnvironment environment = environment(form, form.written.apply(key), "k-7");
            check(environment);
            assertThat(environment.getProperty(key)).as(form + " " + key).isEqualTo("k-7");
        }
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void aMistypedSettingIsRefusedAsWrittenWithTheClosestKeyInTheSameForm(Form form) throws Exception {
        // given
        String mistyped = form.written.apply("canceller.skip-limit").replaceFirst("(?i)mit$", "mt").replaceFirst("MIT$", "MT");
        String meant = form.written.apply("canceller.skip-limit");

        // when, then
        assertThatThrownBy(() -> check(environment(form, mistyped, "3")))
                .hasMessageStartingWith("unknown " + (form.name().startsWith("VARIABLE") ? "environment variable " : "setting ") + mistyped)
                .hasMessageContaining("(did you mean " + meant + "?")
                .hasMessageContaining(form.name().startsWith("YAML") ? "settings.yml:3" : form.name().startsWith("PROPERTIES")
                        ? "settings.properties:1" : form == Form.APPLICATION_JSON ? "in SPRING_APPLICATION_JSON" : "");
    }

    @ParameterizedTest
    @EnumSource(value = Form.class, names = {"VARIABLE", "VARIABLE_UNDERSCORED"})
    void aVariableFarFromEverySettingIsNoneOfOurs(Form form) throws Exception {
        check(environment(form, "CANCELLER_JAR", "/opt/restore-job-canceller/restore-job-canceller.jar"));
    }

    private static void check(StandardEnvironment environment) {
        new KnownSettings().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
                new SpringApplication(), new String[0], environment));
    }

    /** An environment holding one setting, written as the form writes it, and nothing from the process's own environment. */
    private static StandardEnvironment environment(Form form, String written, String value) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, form.name().startsWith("VARIABLE") ? Map.of(written, value) : Map.of()));
        switch (form) {
            case YAML_KEBAB, YAML_CAMEL, YAML_UNDERSCORED -> sources.addLast(file("settings.yml", yaml(written, value), new YamlPropertySourceLoader()::load));
            case PROPERTIES_CAMEL, PROPERTIES_KEBAB -> sources.addLast(file("settings.properties", written + "=" + value + "\n", new PropertiesPropertySourceLoader()::load));
            case APPLICATION_JSON -> {
                sources.addFirst(new MapPropertySource("test", Map.of("SPRING_APPLICATION_JSON", json(written, value))));
                new SpringApplicationJsonEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
            }
            case COMMAND_LINE -> sources.addFirst(new SimpleCommandLinePropertySource("--" + written + "=" + value));
            default -> { }
        }
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    interface Loader {
        List<PropertySource<?>> load(String name, org.springframework.core.io.Resource resource) throws IOException;
    }

    private static PropertySource<?> file(String name, String content, Loader loader) throws IOException {
        Path file = Files.writeString(directory.resolve(name), content);
        return loader.load(name, new FileSystemResource(file)).get(0);
    }

    /** {@code canceller.atlas.baseUrl} as nested YAML, its first line a comment. */
    private static String yaml(String key, String value) {
        StringBuilder yaml = new StringBuilder("# settings\n");
        String[] parts = key.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            yaml.append("  ".repeat(i)).append(parts[i]).append(':').append(i == parts.length - 1 ? " \"" + value + "\"" : "").append('\n');
        }
        return yaml.toString();
    }

    private static String json(String key, String value) {
        String[] parts = key.split("\\.");
        StringBuilder json = new StringBuilder();
        for (String part : parts) {
            json.append("{\"").append(part).append("\":");
        }
        return json.append('"').append(value).append('"').append("}".repeat(parts.length)).toString();
    }

    /** A value of the type, other than every default. */
    private static String valueFor(Class<?> type) {
        if (type == Duration.class) {
            return "7s";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "7";
        }
        if (type == double.class) {
            return "3.5";
        }
        if (type == boolean.class) {
            return "true";
        }
        if (type == URI.class) {
            return "https://atlas.example.test";
        }
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[type.getEnumConstants().length - 1]).name().toLowerCase(Locale.ROOT);
        }
        if (type == List.class) {
            return "5f0000000000000000000007,5f0000000000000000000008";
        }
        return type == Path.class ? "/srv/archive-7" : "value 7";
    }

    private static List<Class<?>> records() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Class<?>> records = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.restorejobcanceller")) {
            records.add(Class.forName(candidate.getBeanClassName()));
        }
        assertThat(records).hasSizeGreaterThan(5);
        return records;
    }

    private static String kebab(String name) {
        return name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    private static String camel(String key) {
        return Pattern.compile("-([a-z])").matcher(key).replaceAll(match -> match.group(1).toUpperCase(Locale.ROOT));
    }
}
