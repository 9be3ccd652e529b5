package io.restorejobcanceller.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code restart ID} and {@code abandon ID}: the commands that act on one job execution. */
final class ExecutionOptions {

    @Mixin
    GlobalOptions global;

    @Parameters(index = "0", paramLabel = "ID", description = "The job execution id (the run's summary and 'report' show it).")
    long id;

    @Command(name = "restart", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Restarts a failed or stopped job execution: rows already recorded are not sent again.")
    static final class Restart {
        @Mixin
        ExecutionOptions execution;
        @Mixin
        ProfileOption profile;
        @Mixin
        ConfirmationOption confirmation;
    }

    @Command(name = "abandon", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Gives up a failed or stopped job execution for good: its file is not run again unless it changes.")
    static final class Abandon {
        @Mixin
        ExecutionOptions execution;
    }
}
