package io.restorejobcanceller.settings;

import java.util.Set;

import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * The command the process runs ({@code cancel}, {@code report}...), as the environment sees it: the first word of
 * Spring's command line, which {@code cli.InvocationParser} puts there before the settings.
 */
final class CommandWord {

    private CommandWord() {
    }

    static boolean isOneOf(ConfigurableEnvironment environment, Set<String> commands) {
        PropertySource<?> commandLine = environment.getPropertySources().get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
        Object words = commandLine == null ? null : commandLine.getProperty(CommandLinePropertySource.DEFAULT_NON_OPTION_ARGS_PROPERTY_NAME);
        return words != null && commands.contains(words.toString().split(",", 2)[0]);
    }
}
