package io.restorejobcanceller.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.restorejobcanceller.settings.FrameworkSettings;
import io.restorejobcanceller.settings.KnownSettings;

/**
 * Splits the command line into settings ({@code --canceller.KEY=VALUE}, {@code --spring.*}, {@code --logging.*},
 * for Spring's environment) and the command with its options (for picocli). A setting may be given as
 * {@code --KEY=VALUE} or {@code --KEY VALUE}; Spring gets the first form.
 */
final class SettingArguments {

    private static final List<String> PREFIXES = Stream.concat(Stream.of(KnownSettings.PREFIX + "."), FrameworkSettings.PREFIXES.stream())
            .map(prefix -> "--" + prefix).toList();
    /** Spring Boot's own switches for its debug and trace logging. */
    private static final Set<String> SPRING_SWITCHES = Set.of("--debug", "--trace");

    record Split(List<String> settings, List<String> command) {
    }

    private SettingArguments() {
    }

    static Split split(List<String> args) {
        List<String> settings = new ArrayList<>();
        List<String> command = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                command.addAll(args.subList(i, args.size()));
                break;
            }
            if (SPRING_SWITCHES.contains(arg) || isSetting(arg) && arg.contains("=")) {
                settings.add(arg);
            } else if (isSetting(arg)) {
                if (i + 1 == args.size() || args.get(i + 1).startsWith("-")) {
                    throw new UsageException("the setting " + arg + " needs a value: " + arg + "=VALUE");
                }
                settings.add(arg + "=" + args.get(++i));
            } else {
                command.add(arg);
            }
        }
        return new Split(settings, command);
    }

    /** The key of a setting argument: {@code spring.datasource.url} of {@code --spring.datasource.url=jdbc:...}. */
    static String key(String setting) {
        int equals = setting.indexOf('=');
        return setting.substring(2, equals < 0 ? setting.length() : equals);
    }

    private static boolean isSetting(String arg) {
        return PREFIXES.stream().anyMatch(arg::startsWith);
    }
}
