package io.restorejobcanceller.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cancel", mixinStandardHelpOptions = true, versionProvider = Version.class, showDefaultValues = true,
        description = {"Checks a CSV file of targets (groupId,clusterName,restoreJobId), then cancels their restore jobs "
                + "and records one outcome per line.", "A directory is an inbox: each matching file not yet done, in name order.",
                "A file already done is not sent again; a stopped or failed run resumes where it stopped."})
final class CancelOptions {

    @Mixin
    GlobalOptions global;

    @Parameters(arity = "0..1", paramLabel = "FILE|DIR", description = "The input file, or an inbox directory.")
    Path file;

    @Option(names = "--input", paramLabel = "FILE|DIR", description = "The same as FILE|DIR (the form used before subcommands).")
    Path input;

    @Option(names = "--dry-run", arity = "0..1", fallbackValue = "true", defaultValue = "false", paramLabel = "true|false",
            description = "Validate and record PLANNED outcomes; send nothing. --dry-run=false is a real run.")
    boolean dryRun;

    @Option(names = "--check-first", arity = "0..1", fallbackValue = "true", defaultValue = "false", paramLabel = "true|false",
            description = "GET each restore job first and leave finished ones alone (also canceller.check-first).")
    boolean checkFirst;

    @Option(names = "--resend-known", description = "Send targets that an earlier run already cancelled (or found gone) "
            + "again; by default their rows are DUPLICATE, naming that run.")
    boolean resendKnown;

    @Mixin
    ConfirmationOption confirmation;

    @Mixin
    ProfileOption profile;

    Path target() {
        return givenOnce(file, input, "give the input file or inbox directory once: cancel FILE|DIR");
    }

    /** A path given once, as the parameter or as {@code --input} (the form from before subcommands). */
    static Path givenOnce(Path parameter, Path inputOption, String usage) {
        if ((parameter == null) == (inputOption == null)) {
            throw new UsageException(usage);
        }
        return parameter != null ? parameter : inputOption;
    }
}
