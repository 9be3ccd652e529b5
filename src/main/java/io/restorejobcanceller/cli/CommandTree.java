package io.restorejobcanceller.cli;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine.IFactory;
import picocli.CommandLine;

/**
 * The command line's commands: the root's options and the subcommands the application names (each a picocli
 * {@code Callable<Integer>}), built once to parse before Spring starts and again, with a Spring-aware factory, to run.
 */
public record CommandTree(List<Class<?>> subcommands) {

    public CommandTree {
        subcommands = List.copyOf(subcommands);
    }

    CommandLine build(IFactory factory, PrintWriter out, PrintWriter err) {
        CommandLine root = new CommandLine(new RootCommand(), factory);
        subcommands.forEach(root::addSubcommand);
        root.addSubcommand(CompletionCommand.class);
        root.setCaseInsensitiveEnumValuesAllowed(true);
        root.setUsageHelpAutoWidth(true);
        root.setOut(out);
        root.setErr(err);
        return root;
    }
}
