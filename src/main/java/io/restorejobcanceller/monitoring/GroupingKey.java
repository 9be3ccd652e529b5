package io.restorejobcanceller.monitoring;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.restorejobcanceller.cli.Invocation;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusProperties;
import org.springframework.core.env.Environment;

/**
 * The Pushgateway group a run's metrics go to: the job (Spring Boot's default, {@code spring.application.name}) and
 * the grouping key, by default {@code input} = the name of the input file or inbox directory the command was given,
 * so that independent nightly jobs keep their own last success.
 */
final class GroupingKey {

    static final String INPUT = "input";
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

    /** The name of the FILE|DIR the command was given (as its parameter or {@code --input}), else the command's. */
    private static String input(Invocation invocation) {
        CommandSpec command = CommandSpec.forAnnotatedObject(invocation.options());
        OptionSpec option = command.findOption("--input");
        return Stream.concat(command.positionalParameters().stream().map(p -> p.getValue()),
                        Stream.ofNullable(option).map(OptionSpec::getValue))
                .filter(Path.class::isInstance).map(Path.class::cast).map(Path::toAbsolutePath).map(Path::normalize)
                .map(Path::getFileName).filter(Objects::nonNull).map(Path::toString)
                .findFirst().orElse(invocation.springArguments().get(0));
    }
}
