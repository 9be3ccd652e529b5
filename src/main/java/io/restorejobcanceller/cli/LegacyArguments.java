package io.restorejobcanceller.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The invocation from before subcommands, which schedulers still use: {@code --input=FILE [--dry-run]} is
 * {@code cancel}, {@code --restart=ID} is {@code restart ID}, {@code --abandon=ID} is {@code abandon ID},
 * {@code --schedule --input=DIR} is {@code schedule}.
 */
final class LegacyArguments {

    /** The options of the old invocation, for "did you mean". */
    static final List<String> OPTIONS = List.of("--input", "--dry-run", "--check-first", "--restart", "--abandon", "--schedule");
    private static final Set<String> COMMANDS = Set.of("cancel", "restart", "abandon", "schedule", "report", "query", "completion");

    private LegacyArguments() {
    }

    static List<String> modernize(List<String> args) {
        if (args.stream().anyMatch(COMMANDS::contains)) {
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
