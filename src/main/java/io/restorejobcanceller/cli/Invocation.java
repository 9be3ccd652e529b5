package io.restorejobcanceller.cli;

import java.util.List;

/**
 * What the command line asks for, parsed before Spring starts: the command's arguments (settings taken out, the form
 * from before subcommands rewritten) to run once the context has started, and the arguments Spring's environment gets
 * (the command's name and the settings).
 */
public record Invocation(CommandTree commands, List<String> commandArguments, List<String> springArguments) {

    public String[] springArgumentArray() {
        return springArguments.toArray(String[]::new);
    }
}
