package io.restorejobcanceller.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The invocation from before subcommands, which schedulers still use: {@code --input=FILE [--dry-run]} is
 * {@code cancel}, {@code --restart=ID} is {@code restart ID}, {@code --abandon=ID} is {@code abandon ID},
 * {@code --schedule --input=DIR} is {@code schedule}.
 */
public final class LegacyArguments {

    /** The options of the old invocation, for "did you mean". */
    static final List<String> OPTIONS = List.of("--input", "--dry-run", "--check-first", "--restart", "--abandon", "--schedule");

    private LegacyArguments() {
    }

    /** The arguments as today's subcommand takes them; {@code commands}: the names that show they already are. */
    static List<String> modernize(List<String> args, Set<String> commands) {
        if (args.stream().anyMatch(commands::contains)) {
            return args;
        }
        List<String> rest = new ArrayList<>(args);
        for (String command : List.of("restart", "abandon")) {
            String id = take(rest, "--" + command);
            if (id != null) {
                rest.add(0, command);
                rest.add(id);
                return rest;
            }
        }
        if (rest.remove("--schedule")) {
            rest.add(0, "schedule");
        } else if (rest.stream().anyMatch(arg -> arg.equals("--input") || arg.startsWith("--input="))) {
            rest.add(0, "cancel");
        }
        return rest;
    }

    /** A path given once, as the parameter or as {@code --input} (the form from before subcommands). */
    public static Path givenOnce(Path parameter, Path inputOption, String usage) {
        if ((parameter == null) == (inputOption == null)) {
            throw new UsageException(usage);
        }
        return parameter != null ? parameter : inputOption;
    }

    /** Removes {@code --name=VALUE} or {@code --name VALUE} and returns the value, or {@code null} when absent. */
    private static String take(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).startsWith(name + "=")) {
                return args.remove(i).substring(name.length() + 1);
            }
            if (args.get(i).equals(name) && i + 1 < args.size()) {
                args.remove(i);
                return args.remove(i);
            }
        }
        return null;
    }
}
