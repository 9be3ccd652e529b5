package io.restorejobcanceller.run;

import java.util.concurrent.Callable;

import io.restorejobcanceller.cli.ProfileOption;
import io.restorejobcanceller.cli.Version;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "restart", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Restarts a failed or stopped job execution: rows already recorded are not sent again.")
public final class RestartCommand implements Callable<Integer> {

    @Mixin
    ExecutionOptions execution;

    @Mixin
    ProfileOption profile;

    @Mixin
    ConfirmationOption confirmation;

    private final CancellationRuns runs;

    /** For parsing alone: help, version and usage errors are answered before Spring starts. */
    RestartCommand() {
        this(null);
    }

    RestartCommand(CancellationRuns runs) {
        this.runs = runs;
    }

    @Override
    public Integer call() throws Exception {
        return runs.restart(execution.id, confirmation.yes);
    }
}
