package io.restorejobcanceller.cli;

import java.util.Optional;

import io.restorejobcanceller.settings.AtlasCliProfile;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --profile NAME}: the Atlas CLI profile to take credentials from; it is the setting {@code canceller.atlas.profile}. */
public final class ProfileOption {

    static final String SETTING = AtlasCliProfile.PROFILE;

    @Option(names = "--profile", paramLabel = "NAME", description = "Take the credentials from this Atlas CLI profile "
            + "(~/.config/atlascli/config.toml) when the environment has none (also " + SETTING + ").")
    String name;

    /** The profile named on the command line, when the command takes one. */
    static Optional<String> of(CommandSpec command) {
        return command.mixins().values().stream().map(CommandSpec::userObject)
                .filter(ProfileOption.class::isInstance).map(option -> ((ProfileOption) option).name)
                .filter(name -> name != null).findFirst();
    }
}
