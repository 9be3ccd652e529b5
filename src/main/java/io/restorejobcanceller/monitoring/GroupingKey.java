package io.restorejobcanceller.monitoring;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

import io.restorejobcanceller.cli.Invocation;

import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusProperties;
import org.springframework.core.env.Environment;

/**
 * The Pushgateway group a run's metrics go to: the job (Spring Boot's default, {@code spring.application.name}) and
 * the grouping key, by default {@code input} = the name of the input file or inbox directory the command was given,
 * so that independent nightly jobs keep their own last success.
 */
final class GroupingKey {

    static final String INPUT = "input";
    private static final String INPUT_OPTION = "--input=";
    /** Spring Boot's own fallback when there is no application name. */
    private static final String FALLBACK_JOB = "spring";

    private GroupingKey() {
    }

    static String job(PrometheusProperties.Pushgateway settings, Environment environment) {
        return settings.getJob() != null ? settings.getJob() : environment.getProperty("spring.application.name", FALLBACK_JOB);
    }

    static Map<String, String> of(PrometheusProperties.Pushgateway settings, Invocation invocation) {
        if (settings.getGroupingKey() != null && !settings.getGroupingKey().isEmpty()) {
            return settings.getGroupingKey();
        }
        return Map.of(INPUT, input(invocation));
    }

    /** The name of the FILE|DIR the command was given (its first argument naming one), else the command's. */
    private static String input(Invocation invocation) {
        String command = invocation.springArguments().get(0);
        for (String argument : invocation.commandArguments().stream().filter(argument -> !argument.equals(command)).toList()) {
            String value = argument.startsWith(INPUT_OPTION) ? argument.substring(INPUT_OPTION.length()) : argument;
            try {
                Path path = Path.of(value).toAbsolutePath().normalize();
                if (!value.startsWith("-") && path.getFileName() != null && Files.exists(path)) {
                    return path.getFileName().toString();
                }
            } catch (InvalidPathException notAPath) {
                // an option's value, not the input
            }
        }
        return command;
    }
}
