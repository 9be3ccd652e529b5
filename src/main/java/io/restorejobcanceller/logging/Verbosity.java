package io.restorejobcanceller.logging;

import java.util.HashMap;
import java.util.Map;

import io.restorejobcanceller.cli.Terminal;

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
 * given explicitly on the command line ({@code --logging.level.x=...}) still win. Without {@code --verbose}, console
 * lines are short and human ({@code warning: ...}, no thread or stack trace; off a terminal and outside systemd's
 * journal a UTC timestamp first), unless a console pattern or
 * structured format is configured; a log file, if configured, keeps the full format with stack traces.
 */
public class Verbosity implements EnvironmentPostProcessor, Ordered {

    static final String VERBOSE = "verbose";
    static final String QUIET = "quiet";
    private static final Map<String, Object> VERBOSE_LEVELS = Map.of("logging.level.root", "info",
            "logging.level.org.springframework.batch", "info", "spring.main.log-startup-info", "true");
    static final String CONSOLE_PATTERN = "logging.pattern.console";
    private static final String STRUCTURED_CONSOLE = "logging.structured.format.console";
    private static final String HUMAN_PATTERN =
            "%replace(%replace(%replace(%level: ){'INFO: ',''}){'WARN: ','warning: '}){'ERROR: ','error: '}%msg%n%nopex";
    /** Off a terminal (cron's log file, CI) a line says when; systemd's journal, which says it itself, is told by this. */
    private static final String JOURNAL_STREAM = "JOURNAL_STREAM";
    private static final String UTC_TIMESTAMP = "%d{yyyy-MM-dd'T'HH:mm:ss'Z',UTC} ";
    private static final Map<String, Object> QUIET_LEVELS = Map.of(
            "logging.level.root", "error", "logging.level.io.restorejobcanceller", "error");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        PropertySource<?> commandLine = environment.getPropertySources().get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
        boolean verbose = commandLine != null && commandLine.containsProperty(VERBOSE);
        Map<String, Object> settings = new HashMap<>(verbose ? VERBOSE_LEVELS
                : commandLine != null && commandLine.containsProperty(QUIET) ? QUIET_LEVELS : Map.of());
        if (!verbose && !environment.containsProperty(CONSOLE_PATTERN) && !environment.containsProperty(STRUCTURED_CONSOLE)) {
            // on a terminal, a log line first clears the progress bar it would otherwise be appended to
            settings.put(CONSOLE_PATTERN, (Terminal.standardErrorIsTerminal() ? Terminal.CLEAR_LINE
                    : environment.containsProperty(JOURNAL_STREAM) ? "" : UTC_TIMESTAMP) + HUMAN_PATTERN);
        }
        if (settings.isEmpty()) {
            return;
        }
        MapPropertySource verbosity = new MapPropertySource("verbosity", settings);
        if (commandLine != null) {
            environment.getPropertySources().addAfter(commandLine.getName(), verbosity);
        } else {
            environment.getPropertySources().addLast(verbosity);
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
