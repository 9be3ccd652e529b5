package io.restorejobcanceller.schedule;

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

@Command(name = "schedule", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Keeps running and processes an inbox directory when the cron expression of the setting 'canceller.schedule.cron' fires (for hosts without cron).",
                "Runs never overlap; SIGTERM stops the running one (restartable) and ends the process."})
public final class ScheduleCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "The inbox directory.")
    Path directory;

    @Option(names = "--input", paramLabel = "DIR", description = "The same as DIR (the form used before subcommands).")
    Path input;

    @Mixin
    ProfileOption profile;

    private final InboxSchedule schedule;

    /** For parsing alone: help, version and usage errors are answered before Spring starts. */
    ScheduleCommand() {
        this(null);
    }

    ScheduleCommand(InboxSchedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public Integer call() throws Exception {
        return schedule.run(inbox());
    }

    Path inbox() {
        return LegacyArguments.givenOnce(directory, input, "give the inbox directory once: schedule DIR");
    }
}
