package io.restorejobcanceller.run;

import java.util.concurrent.Callable;

import io.restorejobcanceller.cli.Version;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "abandon", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Gives up a failed or stopped job execution for good: its file is not run again unless it changes.")
public final class AbandonCommand implements Callable<Integer> {

    @Mixin
    ExecutionOptions execution;

    private final CancellationRuns runs;

    /** For parsing alone: help, version and usage errors are answered before Spring starts. */
    AbandonCommand() {
        this(null);
    }

    AbandonCommand(CancellationRuns runs) {
        this.runs = runs;
    }

    @Override
    public Integer call() throws Exception {
        return runs.abandon(execution.id);
    }
}
