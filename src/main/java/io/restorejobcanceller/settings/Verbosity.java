package io.restorejobcanceller.settings;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * {@code --verbose} and {@code --quiet}: log levels for the whole run, set before the logging system starts. Levels
 * given explicitly on the command line ({@code --logging.level.x=...}) still win.
 */
public class Verbosity implements EnvironmentPostProcessor, Ordered {

    static final String VERBOSE = "verbose";
    static final String QUIET = "quiet";
    private static final Map<String, Object> VERBOSE_LEVELS = Map.of("logging.level.root", "info",
            "logging.level.org.springframework.batch", "info", "spring.main.log-startup-info", "true");
    private static final Map<String, Object> QUIET_LEVELS = Map.of(
            "logging.level.root", "error", "logging.level.io.restorejobcanceller", "error");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        PropertySource<?> commandLine = environment.getPropertySources().get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
        if (commandLine == null) {
            return;
        }
        Map<String, Object> levels = commandLine.containsProperty(VERBOSE) ? VERBOSE_LEVELS
                : commandLine.containsProperty(QUIET) ? QUIET_LEVELS : Map.of();
        if (!levels.isEmpty()) {
            environment.getPropertySources().addAfter(commandLine.getName(), new MapPropertySource("verbosity", levels));
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
