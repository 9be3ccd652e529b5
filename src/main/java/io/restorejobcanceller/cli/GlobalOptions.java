package io.restorejobcanceller.cli;


import picocli.CommandLine.Option;

/** Options every command takes; they reach Spring as {@code --verbose}/{@code --quiet} (see logging.Verbosity). */
public final class GlobalOptions {

    @Option(names = "--verbose", description = "Log the frameworks' detail and stack traces too (on standard error).")
    boolean verbose;

    @Option(names = "--quiet", description = "Log errors only.")
    boolean quiet;
}
