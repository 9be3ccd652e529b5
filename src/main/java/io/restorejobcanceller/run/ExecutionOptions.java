package io.restorejobcanceller.run;

import io.restorejobcanceller.cli.GlobalOptions;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** What {@code restart ID} and {@code abandon ID} share: the one job execution they act on. */
final class ExecutionOptions {

    @Mixin
    GlobalOptions global;

    @Parameters(index = "0", paramLabel = "ID", description = "The job execution id (the run's summary and 'report' show it).")
    long id;
}
