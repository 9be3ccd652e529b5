package io.restorejobcanceller.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "schedule", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Keeps running and processes an inbox directory when the cron expression of the setting 'canceller.schedule.cron' fires (for hosts without cron).",
                "Runs never overlap; SIGTERM stops the running one (restartable) and ends the process."})
final class ScheduleOptions {

    @Mixin
    GlobalOptions global;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "The inbox directory.")
    Path directory;

    @Option(names = "--input", paramLabel = "DIR", description = "The same as DIR (the form used before subcommands).")
    Path input;

    @Mixin
    ProfileOption profile;

    Path inbox() {
        return CancelOptions.givenOnce(directory, input, "give the inbox directory once: schedule DIR");
    }
}
