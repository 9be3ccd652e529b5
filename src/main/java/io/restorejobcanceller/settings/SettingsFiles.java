package io.restorejobcanceller.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Where settings come from, later ones winning: the jar's own defaults ({@value #DEFAULTS}, not a settings location,
 * so that {@code --spring.config.location} cannot drop them), then the user's
 * {@code $XDG_CONFIG_HOME/restore-job-canceller/application.yml} (else {@code ~/.config/...}), then
 * {@code ./restore-job-canceller.yml} of the working directory (also {@code .yaml} and {@code .properties}). A generic
 * {@code ./application.yml} is another application's, never read. An explicit {@code spring.config.location}
 * replaces the list of files. A file that cannot be read as settings (a directory, a FIFO, a YAML alias bomb) is
 * refused by {@link #refusal} with one line naming it. Build-time AOT processing reads no settings file and no
 * environment variable: the build must not depend on the builder's settings.
 */
public class SettingsFiles implements EnvironmentPostProcessor, Ordered {

    static final String LOCATION = "spring.config.location";
    static final String APPLICATION_DIRECTORY = "restore-job-canceller";
    static final String DEFAULTS = "restore-job-canceller-defaults.yml";
    private static final List<String> EXTENSIONS = List.of("properties", "yml", "yaml");
    private static final String OPTIONAL = "optional:";
    private static final String REFUSAL = "settingsFileRefused";
    /** Aliases a settings file may hold (SnakeYAML's own default); Spring Boot allows any number. */
    private static final int MAX_ALIASES = 50;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(defaults());
        if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
            environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of()));
            environment.getPropertySources().addFirst(new MapPropertySource("buildTime", Map.of(LOCATION, OPTIONAL + "file:/dev/null/")));
            return;
        }
        String home = environment.getProperty("HOME", "");
        if (!home.isBlank() && absolute(home) == null) {
            System.err.println("warning: HOME=" + home + " is not an absolute path, so it is not used: settings and the"
                    + " default database are under " + environment.getProperty("user.home") + " instead");
        }
        if (!environment.containsProperty(LOCATION)) {
            Path userDirectory = xdgDirectory(environment, "XDG_CONFIG_HOME", ".config").resolve(APPLICATION_DIRECTORY);
            List<String> locations = new ArrayList<>();
            EXTENSIONS.forEach(extension -> locations.add(OPTIONAL + "file:" + userDirectory.resolve("application." + extension)));
            EXTENSIONS.forEach(extension -> locations.add(OPTIONAL + "file:./" + APPLICATION_DIRECTORY + "." + extension));
            environment.getPropertySources().addLast(new MapPropertySource("settingsFiles", Map.of(LOCATION, String.join(",", locations))));
        }
        Optional<String> problem = files(environment).stream().map(SettingsFiles::problem).flatMap(Optional::stream).findFirst();
        problem.ifPresent(refused -> {
            // reported once logging is set up (KnownSettings): one line, not a start-up failure report; nothing is read meanwhile
            environment.getPropertySources().addFirst(new MapPropertySource(REFUSAL, Map.of(REFUSAL, refused, LOCATION, OPTIONAL + "file:/dev/null/")));
        });
    }

    private static MapPropertySource defaults() {
        try {
            var loaded = new YamlPropertySourceLoader().load("defaults (" + DEFAULTS + ")", new ClassPathResource(DEFAULTS));
            return (MapPropertySource) loaded.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Refuses settings files found unusable before they were read, else says which were read (the run's first line on
     * standard error; none: nothing is said). Called once logging is set up.
     */
    static void announce(ConfigurableEnvironment environment) {
        var refused = environment.getPropertySources().get(REFUSAL);
        if (refused != null) {
            throw new IllegalArgumentException(String.valueOf(refused.getProperty(REFUSAL)));
        }
        List<Path> files = files(environment);
        if (!files.isEmpty()) {
            LoggerFactory.getLogger(SettingsFiles.class).info("Settings files: {}",
                    String.join(", ", files.stream().map(Path::toString).toList()));
        }
    }

    /** The settings files the locations name that exist (or must, not being optional), in the order they are read. */
    static List<Path> files(ConfigurableEnvironment environment) {
        List<Path> files = new ArrayList<>();
        for (String location : environment.getProperty(LOCATION, "").split("[,;]")) {
            String trimmed = location.strip();
            boolean optional = trimmed.startsWith(OPTIONAL);
            trimmed = optional ? trimmed.substring(OPTIONAL.length()) : trimmed;
            if (trimmed.isEmpty() || trimmed.startsWith("classpath:") || trimmed.startsWith("configtree:")) {
                continue;
            }
            Path path = Path.of(trimmed.startsWith("file:") ? trimmed.substring("file:".length()) : trimmed);
            if (trimmed.endsWith("/")) {
                String name = environment.getProperty("spring.config.name", "application");
                EXTENSIONS.stream().map(extension -> path.resolve(name + "." + extension)).filter(Files::exists).forEach(files::add);
            } else if (!optional || Files.exists(path)) {
                files.add(path);
            }
        }
        return files;
    }

    private static Optional<String> problem(Path file) {
        if (Files.isDirectory(file)) {
            return Optional.of("settings file " + file + " is a directory");
        }
        if (!Files.exists(file)) {
            return Optional.of("settings file " + file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of("settings file " + file + " is not a regular file (a FIFO or a device is never read)");
        }
        if (!Files.isReadable(file)) {
            return Optional.of("settings file " + file + " cannot be read (permissions)");
        }
        String name = file.getFileName().toString();
        return name.endsWith(".yml") || name.endsWith(".yaml") ? yamlProblem(file) : Optional.empty();
    }

    /** A YAML file is parsed first with SnakeYAML's limits: Spring Boot's own reading allows any number of aliases. */
    private static Optional<String> yamlProblem(Path file) {
        LoaderOptions limits = new LoaderOptions();
        limits.setMaxAliasesForCollections(MAX_ALIASES);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            new Yaml(limits).loadAll(reader).forEach(document -> { });
            return Optional.empty();
        } catch (YAMLException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().lines().findFirst().orElse("");
            return Optional.of("settings file " + file + " is not usable YAML: " + message
                    + (message.contains("aliases") ? " (a file of nested aliases would exhaust memory)" : ""));
        } catch (IOException e) {
            return Optional.of("settings file " + file + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * An XDG base directory: the variable when set and absolute (as the specification asks), else under the home
     * directory, {@code $HOME} as the specification says (the JVM's {@code user.home} comes from the password database
     * and ignores it), then {@code user.home}.
     */
    static Path xdgDirectory(ConfigurableEnvironment environment, String variable, String underHome) {
        Path base = absolute(environment.getProperty(variable));
        if (base != null) {
            return base;
        }
        Path home = absolute(environment.getProperty("HOME"));
        return Path.of(home != null ? home.toString() : environment.getProperty("user.home", "."), underHome.split("/"));
    }

    private static Path absolute(String value) {
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : null;
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER - 1;
    }
}
