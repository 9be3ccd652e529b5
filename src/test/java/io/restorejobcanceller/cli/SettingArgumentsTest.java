package io.restorejobcanceller.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the command line is split into settings for Spring and the command for picocli. */
class SettingArgumentsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # arguments                                                   | settings                                   | command
            cancel in.csv --canceller.chunk-size=3                        | --canceller.chunk-size=3                   | cancel in.csv
            --canceller.chunk-size 3 cancel in.csv                        | --canceller.chunk-size=3                   | cancel in.csv
            report --spring.datasource.url=jdbc:h2:file:/x --format=csv   | --spring.datasource.url=jdbc:h2:file:/x    | report --format=csv
            --logging.level.root=debug --management.x=1 query SELECT      | --logging.level.root=debug --management.x=1 | query SELECT
            --debug cancel --trace in.csv                                 | --debug --trace                            | cancel in.csv
            cancel --dry-run --verbose --yes in.csv                       |                                            | cancel --dry-run --verbose --yes in.csv
            --cancellerx=1 --springfield cancel                           |                                            | --cancellerx=1 --springfield cancel
            query -- --canceller.chunk-size=3                             |                                            | query -- --canceller.chunk-size=3
            --canceller.guard.allowed-projects=a,b cancel in.csv          | --canceller.guard.allowed-projects=a,b     | cancel in.csv
            """)
    void settingsGoToSpringInTheirKeyEqualsValueFormAndTheRestToTheCommand(String args, String settings, String command) {
        SettingArguments.Split split = SettingArguments.split(words(args));

        assertThat(split.settings()).isEqualTo(words(settings));
        assertThat(split.command()).isEqualTo(words(command));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cancel --canceller.chunk-size=5 --canceller.chunkSize=7   | the setting --canceller.chunkSize is given twice: give it once (a list is one comma-separated value)
            --canceller.rate.requests-per-minute=0 --canceller.rate.requests-per-minute 9 | the setting --canceller.rate.requests-per-minute is given twice: give it once (a list is one comma-separated value)
            cancel in.csv --canceller.chunk-size                      | the setting --canceller.chunk-size needs a value: --canceller.chunk-size=VALUE
            --canceller.chunk-size --dry-run cancel in.csv            | the setting --canceller.chunk-size needs a value: --canceller.chunk-size=VALUE
            """)
    void aSettingGivenTwiceOrWithoutAValueIsAUsageError(String args, String message) {
        assertThatThrownBy(() -> SettingArguments.split(words(args))).isInstanceOf(UsageException.class).hasMessage(message);
    }

    @Test
    void aSecretOnTheCommandLineIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> SettingArguments.split(List.of("cancel", "in.csv", "--canceller.atlas.private-key=s3cret-key")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--canceller.atlas.private-key is refused on the command line")
                .hasMessageNotContaining("s3cret-key");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            --spring.datasource.url=jdbc:h2:file:/x;MODE=X | spring.datasource.url
            --canceller.chunk-size                         | canceller.chunk-size
            --canceller.a=b=c                              | canceller.a
            """)
    void theKeyOfASettingIsBetweenTheDashesAndTheFirstEquals(String setting, String key) {
        assertThat(SettingArguments.key(setting)).isEqualTo(key);
    }

    @Test
    void aKeyIsSetInAnyFormSpringBindsToIt() {
        assertThat(SettingArguments.sets(List.of("--canceller.atlas.profile=night"), "canceller.atlas.profile")).isTrue();
        assertThat(SettingArguments.sets(List.of("--debug", "--canceller.chunkSize=3"), "canceller.chunk-size")).isTrue();
        assertThat(SettingArguments.sets(List.of("--canceller.atlas.profile-x=night"), "canceller.atlas.profile")).isFalse();
        assertThat(SettingArguments.sets(List.of("--canceller.atlas.profile"), "canceller.atlas.profile")).isFalse();
        assertThat(SettingArguments.sets(List.of(), "canceller.atlas.profile")).isFalse();
    }

    private static List<String> words(String text) {
        return text == null ? List.of() : List.of(text.split(" "));
    }
}
