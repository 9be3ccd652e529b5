package io.restorejobcanceller.hostile;

import static io.restorejobcanceller.testing.Targets.csv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import io.restorejobcanceller.atlas.auth.AtlasCredentials;
import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.CancellerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** An environment set up wrong or by someone else: key files, the Atlas CLI's file, the data directory, HOME. */
@ExtendWith(OutputCaptureExtension.class)
class HostileEnvironmentTest {

    private static final String KEY_FILE_VARIABLE = "CANCELLER_ATLAS_PRIVATE_KEY_FILE";

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @Test
    void aPrivateKeyFileThatNeverEndsIsRefusedInOneLineNamingIt() throws Exception {
        // given: /dev/zero as the private key file, in a process of its own (its heap is 256 MB)
        canceller.env(AtlasCredentials.PUBLIC_API_KEY, "public-key").env(KEY_FILE_VARIABLE, "/dev/zero");

        // when
        CancellerProcess run = canceller.start("cancel", canceller.file("in.csv", csv(2)).toString());

        // then
        assertThat(run.waitForExit(60)).isEqualTo(2);
        assertThat(run.output()).containsExactly("error: canceller.atlas.private-key-file: /dev/zero is not a regular file");
        assertThat(canceller.atlas().requests()).isEmpty();
    }

    @Test
    void aPrivateKeyFileLargerThan64KiBIsRefusedAndOneOthersCanReadIsWarnedOf(CapturedOutput output) throws Exception {
        // given: a log file named by mistake, a real key others can read, and one only its owner can
        Path large = canceller.file("large.log", "x".repeat(64 * 1024 + 1));
        Path readable = canceller.file("key", "the-private-key\n");
        Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r--r--"));
        Path own = canceller.file("own-key", "the-private-key\n");
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rw-------"));

        // when
        AtlasCredentials tooLarge = credentialsWithKeyFile(large);
        String tooLargeErr = output.getErr();
        AtlasCredentials othersCanRead = credentialsWithKeyFile(readable);
        String readableErr = output.getErr().substring(tooLargeErr.length());
        AtlasCredentials ownersOnly = credentialsWithKeyFile(own);

        // then
        assertThat(tooLarge.problem()).hasValue("canceller.atlas.private-key-file: " + large
                + " is larger than 64 KiB, more than such a file holds");
        assertThat(othersCanRead.kind()).isEqualTo(AtlasCredentials.Kind.API_KEY);
        assertThat(readableErr.lines()).containsExactly("warning: " + readable
                + " holds credentials and other users can read it (rw-r--r--): chmod 600 " + readable);
        assertThat(ownersOnly.kind()).isEqualTo(AtlasCredentials.Kind.API_KEY);
        assertThat(output.getErr()).isEqualTo(tooLargeErr + readableErr);
    }

    private static AtlasCredentials credentialsWithKeyFile(Path file) {
        return AtlasCredentials.from(new MockEnvironment().withProperty(AtlasCredentials.PUBLIC_API_KEY, "public-key")
                .withProperty("canceller.atlas.private-key-file", file.toString()));
    }

    @Test
    void aMalformedAtlasCliConfigurationStopsNoDryRunButARealRunInOneLine(CapturedOutput output) throws Exception {
        // given: no credentials in the environment, and a config.toml that is not TOML (readable by others, too)
        canceller.env("MONGODB_ATLAS_ACCESS_TOKEN", null);
        Path config = canceller.directory().resolve("config/atlascli/config.toml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[default\npublic_api_key = \"public-key\"\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        Path input = canceller.file("in.csv", csv(2));

        // when
        int dryRun = canceller.run("cancel", "--dry-run", input.toString());
        String dryRunErr = output.getErr();
        int realRun = canceller.run("cancel", "--yes", input.toString());

        // then
        assertThat(dryRun).isZero();
        assertThat(dryRunErr.lines()).containsExactly("warning: " + config
                + " holds credentials and other users can read it (rw-r--r--): chmod 600 " + config);
        assertThat(realRun).isEqualTo(2);
        assertThat(output.getErr().substring(dryRunErr.length()).lines().filter(line -> line.startsWith("error: ")))
                .singleElement().asString().startsWith("error: the Atlas CLI configuration " + config + " is not valid TOML");
        assertThat(canceller.atlas().requests()).isEmpty();
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsOneLineWithoutH2sStackTraces(CapturedOutput output) throws Exception {
        // given: XDG_DATA_HOME names a file, so the default database's directory cannot be made under it
        Path file = canceller.file("not-a-directory", "");
        canceller.without("--spring.datasource.url").env("XDG_DATA_HOME", file.toString());

        // when
        int exitCode = canceller.run("cancel", "--dry-run", canceller.file("in.csv", csv(2)).toString());

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr().lines()).containsExactly("error: the results database jdbc:h2:file:" + file
                + "/restore-job-canceller/canceller cannot be created: " + file + "/restore-job-canceller: Not a directory"
                + " (set XDG_DATA_HOME, or spring.datasource.url, to a directory this user can write to)");
    }

    @Test
    void aRelativeHomeIsSaidNotUsed() throws Exception {
        // given: HOME=relative/path in a process of its own (the process environment is the only place HOME comes from)
        canceller.env("HOME", "relative/home");

        // when
        CancellerProcess run = canceller.start("cancel", "--dry-run", canceller.file("in.csv", csv(2)).toString());

        // then
        assertThat(run.waitForExit(60)).isZero();
        assertThat(run.output()).contains("warning: HOME=relative/home is not an absolute path, so it is not used: settings"
                + " and the default database are under " + System.getProperty("user.home") + " instead");
    }
}
