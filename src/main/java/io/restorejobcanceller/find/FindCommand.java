package io.restorejobcanceller.find;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;

import io.restorejobcanceller.cli.GlobalOptions;
import io.restorejobcanceller.cli.ProfileOption;
import io.restorejobcanceller.cli.Version;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.beans.factory.annotation.Autowired;

@Command(name = "find", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {"Lists the restore jobs that can be cancelled (manual downloads not finished, cancelled, expired nor "
                + "failed) as the file 'cancel' takes. Read-only: sends no DELETE.",
                "Needs the Project Read Only role on each project; the summary and any refused project or cluster go to "
                        + "standard error."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "1:Atlas refused the credentials or this host: nothing written",
                "2:usage error", "3:listed, but Atlas refused some projects or clusters (named on standard error)"})
public final class FindCommand implements Callable<Integer> {

    static final class Scope {
        @Option(names = "--project", split = ",", required = true, paramLabel = "ID",
                description = "A project (group id); repeatable or comma-separated.")
        List<String> projects;

        @Option(names = "--all-projects", required = true, description = "Every project the credentials can see.")
        boolean allProjects;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Scope scope;

    @Option(names = "--cluster", split = ",", paramLabel = "NAME",
            description = "Only this cluster of each project; repeatable (default: every cluster).")
    List<String> clusters = List.of();

    @Option(names = "--snapshot-before", paramLabel = "DATE", converter = SnapshotTime.class,
            description = "Only restore jobs of snapshots taken before this date (2026-11-23, UTC) or date-time with offset.")
    Instant snapshotBefore;

    @Option(names = "--snapshot-after", paramLabel = "DATE", converter = SnapshotTime.class,
            description = "Only restore jobs of snapshots taken at or after this date or date-time.")
    Instant snapshotAfter;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT",
            description = "csv (the file 'cancel' takes), table or json (every restore job seen, with why it is or is not listed).")
    FoundFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to this file instead of standard output.")
    Path output;

    @Option(names = "--force", description = "Overwrite the --output file if it exists.")
    boolean force;

    @Mixin
    GlobalOptions global;

    @Mixin
    ProfileOption profile;

    private final FindLauncher launcher;

    /** For parsing alone: help, version and usage errors are answered before Spring starts. */
    FindCommand() {
        this(null);
    }

    @Autowired
    FindCommand(FindLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws Exception {
        return launcher.run(this);
    }

    /** A date (UTC midnight) or a date-time with offset. */
    static final class SnapshotTime implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return value.length() <= 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(value).toInstant();
        }
    }
}
