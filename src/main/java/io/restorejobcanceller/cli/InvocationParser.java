package io.restorejobcanceller.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.restorejobcanceller.settings.FrameworkSettings;
import io.restorejobcanceller.settings.SettingsMetadata;
import io.restorejobcanceller.settings.Spelling;

import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * Parses the command line without Spring, so that {@code --help}, {@code --version}, completion and usage errors
 * answer at once; what remains to do is an {@link Invocation}. Help and version go to standard output (they are what
 * was asked for), usage errors to standard error with exit code 2.
 */
public final class InvocationParser {

    /** Either a command to run in Spring, or the exit code of an answer already given. */
    public record Result(Optional<Invocation> invocation, int exitCode) {
    }

    private static final Set<String> SENDING_COMMANDS = Set.of("cancel", "restart", "schedule");
    private static final String QUERY_SETTINGS = "canceller.query.";
    private static final Pattern SECRET_LIKE = Pattern.compile("(?i)atlas|key|secret|token|password|credential");

    private final CommandTree commands;
    private final PrintWriter out;
    private final PrintWriter err;

    public InvocationParser(CommandTree commands, PrintWriter out, PrintWriter err) {
        this.commands = commands;
        this.out = out;
        this.err = err;
    }

    public Result parse(String... args) {
        CommandLine root = commands.build(CommandLine.defaultFactory(), out, err);
        try {
            return parse(root, args);
        } catch (ParameterException e) {
            err.println("error: " + message(e));
            if (!UnmatchedArgumentException.printSuggestions(e, err)) {
                suggestOption(e);
            }
            err.println("See '" + RootCommand.NAME + " " + commandPath(e.getCommandLine()) + "--help'.");
            return answered(ExitCode.USAGE);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return answered(ExitCode.USAGE);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private Result parse(CommandLine root, String... args) {
        SettingArguments.Split split = SettingArguments.split(List.of(args));
        for (String setting : split.settings()) {
            FrameworkSettings.problem(SettingArguments.key(setting)).ifPresent(problem -> {
                throw new UsageException(problem);
            });
        }
        List<String> command = LegacyArguments.modernize(split.command(), root.getSubcommands().keySet());
        ParseResult parsed = root.parseArgs(command.toArray(String[]::new));
        if (parsed.hasSubcommand() && parsed.subcommand().isUsageHelpRequested()
                && SENDING_COMMANDS.contains(parsed.subcommand().commandSpec().name())) {
            parsed.subcommand().commandSpec().usageMessage().footer(settingsWithDefaults());
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            return answered(ExitCode.OK);
        }
        if (!parsed.hasSubcommand()) {
            err.println("error: give a command, e.g. cancel FILE, report or --help");
            root.usage(err);
            return answered(ExitCode.USAGE);
        }
        ParseResult subcommand = parsed.subcommand();
        if (subcommand.commandSpec().userObject() instanceof CompletionCommand completion) {
            out.print(completion.script());
            return answered(ExitCode.OK);
        }
        List<String> spring = new ArrayList<>();
        spring.add(subcommand.commandSpec().name());
        spring.addAll(split.settings());
        if (parsed.hasMatchedOption("--verbose") || subcommand.hasMatchedOption("--verbose")) {
            spring.add("--verbose");
        } else if (parsed.hasMatchedOption("--quiet") || subcommand.hasMatchedOption("--quiet")) {
            spring.add("--quiet");
        }
        ProfileOption.of(subcommand.commandSpec()).ifPresent(name -> {
            if (SettingArguments.sets(split.settings(), ProfileOption.SETTING)) {
                throw new UsageException("--profile and --" + ProfileOption.SETTING + " are the same setting: give one of them");
            }
            spring.add("--" + ProfileOption.SETTING + "=" + name);
        });
        return new Result(Optional.of(new Invocation(commands, List.copyOf(command), List.copyOf(spring))), ExitCode.OK);
    }

    /** Below the options of a command that sends, the settings that shape what it sends, with their defaults. */
    private static String[] settingsWithDefaults() {
        List<String> lines = new ArrayList<>(List.of("", "Settings (--KEY=VALUE, the environment as CANCELLER_..., or a settings"
                + " file; docs/configuration.md says what each does), with their defaults:"));
        SettingsMetadata.defaults().forEach((key, value) -> {
            if (!key.startsWith(QUERY_SETTINGS)) {
                lines.add("  " + key + "=" + value);
            }
        });
        return lines.toArray(String[]::new);
    }

    /** picocli's message, but never an unknown option's value: it may be a secret typed where it does not belong. */
    private static String message(ParameterException e) {
        return unknownOption(e).map(option -> "unknown option " + option + (SECRET_LIKE.matcher(option).find()
                ? "; credentials are read from the environment or an Atlas CLI profile (--profile), never from options" : ""))
                .orElse(sentence(e.getMessage().replaceFirst("^Error: ", "")));
    }

    /** picocli's "Missing required parameter" as every other line after {@code error: } reads: "missing required parameter". */
    private static String sentence(String message) {
        return message.matches("[A-Z][a-z].*") ? Character.toLowerCase(message.charAt(0)) + message.substring(1) : message;
    }

    /** The name (without any value) of the unknown option the error is about, if it is about one. */
    private static Optional<String> unknownOption(ParameterException e) {
        if (!(e instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()
                || !unmatched.getUnmatched().get(0).startsWith("-")) {
            return Optional.empty();
        }
        return Optional.of(unmatched.getUnmatched().get(0).split("=", 2)[0]);
    }

    /** picocli suggests only what looks alike to it; a transposed or dropped letter gets the closest option here. */
    private void suggestOption(ParameterException e) {
        Optional<String> unknown = unknownOption(e).filter(option -> option.startsWith("--"));
        if (unknown.isPresent()) {
            String given = unknown.get();
            Set<String> options = new HashSet<>(e.getCommandLine().getCommandSpec().optionsMap().keySet());
            if (e.getCommandLine().getParent() == null) {
                options.addAll(LegacyArguments.OPTIONS);
            }
            Spelling.typoOf(given, options).ifPresent(meant -> err.println("Did you mean: " + meant + "?"));
        }
    }

    private static String commandPath(CommandLine commandLine) {
        StringBuilder path = new StringBuilder();
        for (CommandLine c = commandLine; c != null && c.getParent() != null; c = c.getParent()) {
            path.insert(0, c.getCommandName() + " ");
        }
        return path.toString();
    }

    private static Result answered(int exitCode) {
        return new Result(Optional.empty(), exitCode);
    }
}
