package io.restorejobcanceller.settings;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Where settings files are read from, later ones winning: the jar's own defaults, then the user's
 * {@code $XDG_CONFIG_HOME/restore-job-canceller/application.yml} (else {@code ~/.config/...}), then
 * {@code ./application.yml} and {@code ./config/application.yml} of the working directory. An explicit
 * {@code spring.config.location} replaces the list.
 */
public class SettingsFiles implements EnvironmentPostProcessor, Ordered {

    static final String LOCATION = "spring.config.location";
    static final String APPLICATION_DIRECTORY = "restore-job-canceller";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String home = environment.getProperty("HOME", "");
        if (!home.isBlank() && absolute(home) == null) {
            System.err.println("warning: HOME=" + home + " is not an absolute path, so it is not used: settings and the"
                    + " default database are under " + environment.getProperty("user.home") + " instead");
        }
        if (environment.containsProperty(LOCATION)) {
            return;
        }
        Path userFiles = xdgDirectory(environment, "XDG_CONFIG_HOME", ".config").resolve(APPLICATION_DIRECTORY);
        String locations = String.join(",", "optional:classpath:/", "optional:classpath:/config/",
                "optional:file:" + userFiles + "/", "optional:file:./", "optional:file:./config/");
        environment.getPropertySources().addLast(new MapPropertySource("settingsFiles", Map.of(LOCATION, locations)));
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
