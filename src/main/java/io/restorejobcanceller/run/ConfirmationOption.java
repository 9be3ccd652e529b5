package io.restorejobcanceller.run;

import picocli.CommandLine.Option;

/** {@code --yes}: a real run on a terminal asks before it cancels; this answers yes beforehand. */
final class ConfirmationOption {

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (only a real run on a terminal asks).")
    boolean yes;
}
