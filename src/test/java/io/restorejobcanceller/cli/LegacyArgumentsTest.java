package io.restorejobcanceller.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The invocation from before subcommands (the subject here, so written in its legacy form) as today's subcommands. */
class LegacyArgumentsTest {

    private static final Set<String> COMMANDS = Set.of("cancel", "restart", "abandon", "schedule", "report", "query", "completion");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            --input=in.csv                          | cancel --input=in.csv
            --input in.csv                          | cancel --input in.csv
            --dry-run --input=in.csv                | cancel --dry-run --input=in.csv
            --input=in.csv --check-first --yes      | cancel --input=in.csv --check-first --yes
            --restart=12                            | restart 12
            --restart 12                            | restart 12
            --verbose --restart=12 --yes            | restart --verbose --yes 12
            --abandon=12                            | abandon 12
            --abandon 12                            | abandon 12
            --schedule --input=/var/inbox           | schedule --input=/var/inbox
            --input=/var/inbox --schedule           | schedule --input=/var/inbox
            --schedule                              | schedule
            """)
    void theFormFromBeforeSubcommandsBecomesTheSubcommand(String legacy, String modern) {
        assertThat(LegacyArguments.modernize(List.of(legacy.split(" ")), COMMANDS)).containsExactly(modern.split(" "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cancel in.csv --dry-run
            cancel --input=in.csv
            schedule /var/inbox
            restart 12
            report --input=x.csv
            --verbose query SELECT 1
            --help
            --version
            --inptu=x.csv
            --restart
            """)
    void argumentsWithACommandOrWithoutALegacyOptionAreLeftAsGiven(String args) {
        List<String> given = List.of(args.split(" "));

        assertThat(LegacyArguments.modernize(given, COMMANDS)).isEqualTo(given);
    }

    @Test
    void theEmptyCommandLineStaysEmpty() {
        assertThat(LegacyArguments.modernize(List.of(), COMMANDS)).isEmpty();
    }

    @Test
    void aPathIsGivenOnceAsTheParameterOrAsInputButNeitherTwiceNorNever() {
        Path parameter = Path.of("a.csv");
        Path option = Path.of("b.csv");

        assertThat(LegacyArguments.givenOnce(parameter, null, "give it once")).isEqualTo(parameter);
        assertThat(LegacyArguments.givenOnce(null, option, "give it once")).isEqualTo(option);
        assertThatThrownBy(() -> LegacyArguments.givenOnce(parameter, option, "give it once"))
                .isInstanceOf(UsageException.class).hasMessage("give it once");
        assertThatThrownBy(() -> LegacyArguments.givenOnce(null, null, "give it once"))
                .isInstanceOf(UsageException.class).hasMessage("give it once");
    }
}
