package io.restorejobcanceller.settings;

import static io.restorejobcanceller.testing.Targets.csv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.CancellerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Which settings files are read, and that one that cannot be read as settings stops the start with one line naming it.
 * Where the XDG directories are: the variable, else $HOME (not the JVM's user.home, which ignores $HOME).
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsFilesTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @Test
    void theXdgVariableWinsThenHomeThenUserHome() {
        assertThat(directory(Map.of("XDG_DATA_HOME", "/srv/data", "HOME", "/home/op"))).isEqualTo(Path.of("/srv/data"));
        assertThat(directory(Map.of("XDG_DATA_HOME", "relative", "HOME", "/home/op"))).isEqualTo(Path.of("/home/op/.local/share"));
        assertThat(directory(Map.of("HOME", "/home/op"))).isEqualTo(Path.of("/home/op/.local/share"));
        assertThat(directory(Map.of("HOME", "", "user.home", "/var/lib/canceller")))
                .isEqualTo(Path.of("/var/lib/canceller/.local/share"));
    }

    @Test
    void aYamlAliasBombIsRefusedInOneLineNamingTheFile(CapturedOutput output) throws Exception {
        // given: "billion laughs", nine levels of nine aliases each
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            String previous = "*" + (char) (level - 1);
            bomb.append(level).append(": &").append(level).append(" [").append(String.join(",", java.util.Collections.nCopies(9, previous))).append("]\n");
        }
        Path file = userFile(bomb.toString());

        // when
        int exitCode = canceller.run("cancel", canceller.file("in.csv", csv(2)).toString(), "--dry-run");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("error: the configuration is not usable: settings file " + file + " is not usable YAML: "
                + "Number of aliases for non-scalar nodes exceeds the specified max=50").doesNotContain("\tat ");
    }

    @Test
    void aSettingsFileThatIsADirectoryOrAFifoIsRefusedWithoutWaitingForIt() throws Exception {
        // given
        Path file = canceller.directory().resolve("config/restore-job-canceller/application.yml");
        Files.createDirectories(file);
        Path fifo = canceller.directory().resolve("settings.yml");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        // when
        CancellerProcess directory = canceller.start("cancel", canceller.file("in.csv", csv(2)).toString(), "--dry-run");
        CancellerProcess pipe = canceller.start("cancel", canceller.file("in.csv", csv(2)).toString(), "--dry-run", "--spring.config.location=" + fifo);

        // then
        assertThat(directory.waitForExit(60)).isEqualTo(2);
        assertThat(directory.output()).containsExactly("error: the configuration is not usable: settings file " + file + " is a directory");
        assertThat(pipe.waitForExit(60)).isEqualTo(2);
        assertThat(pipe.output()).containsExactly("error: the configuration is not usable: settings file " + fifo
                + " is not a regular file (a FIFO or a device is never read)");
    }

    @Test
    void aSettingsLocationGivenReplacesTheFilesButNotTheToolsOwnDefaults(CapturedOutput output) throws Exception {
        // given
        Path own = canceller.file("own.yml", "canceller:\n  skip-limit: 7\n");

        // when
        int exitCode = canceller.run("cancel", canceller.file("in.csv", csv(3)).toString(), "--dry-run", "--verbose", "--spring.config.location=" + own);

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("Settings files: " + own).doesNotContain("Exception");
        assertThat(canceller.outcomes()).hasSize(3);
    }

    @Test
    void buildTimeAotProcessingReadsNoVariableAndNoSettingsFileOfTheBuilder() throws Exception {
        // given: what a builder's environment may hold (mvn package runs the application for its AOT step)
        userFile("canceller:\n  concurency: 4\n");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "CANCELLER_RATE_REQUESTSPERMINUTE", "x", "CANCELLER_SKIPLIMT", "3",
                        "XDG_CONFIG_HOME", canceller.directory().resolve("config").toString())));
        System.setProperty(AbstractAotProcessor.AOT_PROCESSING, "true");

        // when
        try {
            new SettingsFiles().postProcessEnvironment(environment, new SpringApplication());
        } finally {
            System.clearProperty(AbstractAotProcessor.AOT_PROCESSING);
        }
        ConfigurationPropertySources.attach(environment);

        // then
        assertThat(environment.getProperty("canceller.rate.requests-per-minute")).isNull();
        assertThat(SettingsFiles.files(environment)).isEmpty();
        new KnownSettings().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
                new SpringApplication(), new String[0], environment));
        assertThat(environment.getProperty("spring.batch.job.enabled")).isEqualTo("false"); // the tool's own defaults all the same
    }

    private static Path userFile(String content) throws Exception {
        Path file = canceller.directory().resolve("config/restore-job-canceller/application.yml");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static Path directory(Map<String, Object> values) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", values));
        return SettingsFiles.xdgDirectory(environment, "XDG_DATA_HOME", ".local/share");
    }
}
