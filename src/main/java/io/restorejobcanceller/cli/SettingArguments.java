package io.restorejobcanceller.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.restorejobcanceller.settings.FrameworkSettings;
import io.restorejobcanceller.settings.KnownSettings;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

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
        List<ConfigurationPropertyName> given = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                command.addAll(args.subList(i, args.size()));
                break;
            }
            if (SPRING_SWITCHES.contains(arg)) {
                settings.add(arg);
            } else if (isSetting(arg)) {
                String key = key(arg);
                KnownSettings.commandLineProblem(key).ifPresent(problem -> {
                    throw new UsageException(problem);
                });
                ConfigurationPropertyName name = ConfigurationPropertyName.adapt(key, '.');
                if (given.contains(name)) {
                    // Spring would join the values with a comma (requests-per-minute=0,120); values are not echoed (a URL may hold a password)
                    throw new UsageException("the setting --" + key + " is given twice: give it once (a list is one comma-separated value)");
                }
                if (!arg.contains("=") && (i + 1 == args.size() || args.get(i + 1).startsWith("-"))) {
                    throw new UsageException("the setting " + arg + " needs a value: " + arg + "=VALUE");
                }
                given.add(name);
                settings.add(arg.contains("=") ? arg : arg + "=" + args.get(++i));
            } else {
                command.add(arg);
            }
        }
        return new Split(settings, command);
    }

    /** Whether one of the settings sets this key, in any form Spring binds to it. */
    static boolean sets(List<String> settings, String key) {
        return settings.stream().filter(setting -> setting.startsWith("--") && setting.contains("="))
                .anyMatch(setting -> ConfigurationPropertyName.adapt(key(setting), '.').equals(ConfigurationPropertyName.of(key)));
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
