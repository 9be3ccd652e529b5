package io.restorejobcanceller.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Where the XDG directories are: the variable, else $HOME (not the JVM's user.home, which ignores $HOME). */
class SettingsFilesTest {

    @Test
    void theXdgVariableWinsThenHomeThenUserHome() {
        assertThat(directory(Map.of("XDG_DATA_HOME", "/srv/data", "HOME", "/home/op"))).isEqualTo(Path.of("/srv/data"));
        assertThat(directory(Map.of("XDG_DATA_HOME", "relative", "HOME", "/home/op"))).isEqualTo(Path.of("/home/op/.local/share"));
        assertThat(directory(Map.of("HOME", "/home/op"))).isEqualTo(Path.of("/home/op/.local/share"));
        assertThat(directory(Map.of("HOME", "", "user.home", "/var/lib/canceller")))
                .isEqualTo(Path.of("/var/lib/canceller/.local/share"));
    }

    private static Path directory(Map<String, Object> values) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", values));
        return SettingsFiles.xdgDirectory(environment, "XDG_DATA_HOME", ".local/share");
    }
}
