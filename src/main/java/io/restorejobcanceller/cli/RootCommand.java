package io.restorejobcanceller.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = RootCommand.NAME, mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Cancels MongoDB Atlas cloud-backup restore jobs listed in CSV files, and records one auditable "
                + "outcome per line in a results database.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done: every row CANCELLED, NOT_FOUND, DUPLICATE, PLANNED or SKIPPED (or the file was done before)",
                "1:the run failed (e.g. credentials refused): run the same command again to restart",
                "2:usage or configuration error, or a broken input file: nothing was sent",
                "3:done, but some rows need attention (REJECTED, FAILED, INVALID)",
                "4:already running elsewhere, or the results database is in use",
                "130:stopped by Ctrl-C (143: by SIGTERM): run the same command again to finish"},
        footerHeading = "%n",
        footer = {"Settings: --canceller.KEY=VALUE on the command line, canceller.KEY in ~/.config/restore-job-canceller/"
                + "application.yml or ./restore-job-canceller.yml, or CANCELLER_KEY in the environment; docs/configuration.md lists every key and its default.",
                "Credentials come from the environment (MONGODB_ATLAS_CLIENT_ID and _CLIENT_SECRET, "
                + "MONGODB_ATLAS_PUBLIC_API_KEY and _PRIVATE_API_KEY, or MONGODB_ATLAS_ACCESS_TOKEN) or an Atlas CLI "
                + "profile (--profile), never from options."})
final class RootCommand {

    static final String NAME = "cancel-restore-jobs";

    @Mixin
    GlobalOptions global;
}
