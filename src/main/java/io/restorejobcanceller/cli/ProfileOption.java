package io.restorejobcanceller.cli;

import java.util.Optional;

import io.restorejobcanceller.settings.AtlasCliProfile;
import picocli.CommandLine.Option;

/** {@code --profile NAME}: the Atlas CLI profile to take credentials from; it is the setting {@code canceller.atlas.profile}. */
final class ProfileOption {

    static final String SETTING = AtlasCliProfile.PROFILE;

    @Option(names = "--profile", paramLabel = "NAME", description = "Take the credentials from this Atlas CLI profile "
            + "(~/.config/atlascli/config.toml) when the environment has none (also " + SETTING + ").")
    String name;

    /** The profile named on the command line of a command that sends requests. */
    static Optional<String> of(Object options) {
        ProfileOption given = options instanceof CancelOptions cancel ? cancel.profile
                : options instanceof ScheduleOptions schedule ? schedule.profile
                : options instanceof ExecutionOptions.Restart restart ? restart.profile : null;
        return Optional.ofNullable(given).map(option -> option.name);
    }
}
