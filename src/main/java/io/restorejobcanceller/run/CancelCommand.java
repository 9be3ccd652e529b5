package io.restorejobcanceller.run;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.restorejobcanceller.cli.GlobalOptions;
import io.restorejobcanceller.cli.LegacyArguments;
import io.restorejobcanceller.cli.ProfileOption;
import io.restorejobcanceller.cli.Version;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cancel", mixinStandardHelpOptions = true, versionProvider = Version.class, showDefaultValues = true,
        description = {"Checks a CSV file of targets (groupId,clusterName,restoreJobId), then cancels their restore jobs "
                + "and records one outcome per line.", "A directory is an inbox: each matching file not yet done, in name order.",
                "A file already done is not sent again; a stopped or failed run resumes where it stopped."})
public final class CancelCommand implements Callable<Integer> {

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

    private final CancellationRuns runs;

    /** For parsing alone: help, version and usage errors are answered before Spring starts. */
    CancelCommand() {
        this(null);
    }

    CancelCommand(CancellationRuns runs) {
        this.runs = runs;
    }

    @Override
    public Integer call() throws Exception {
        return runs.cancel(this);
    }

    Path target() {
        return LegacyArguments.givenOnce(file, input, "give the input file or inbox directory once: cancel FILE|DIR");
    }
}
