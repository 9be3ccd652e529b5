package io.restorejobcanceller.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void aPlainH2FileUrlGetsTheSettingsTheCrashGuaranteeNeeds() {
        assertThat(DatabaseUrl.durable("jdbc:h2:file:/var/lib/canceller/db"))
                .isEqualTo("jdbc:h2:file:/var/lib/canceller/db;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;MAX_COMPACT_TIME=2000");
    }

    @Test
    void aFileSharedWithAConsoleGetsOnlyWhatH2AcceptsWithAutoServer() {
        assertThat(DatabaseUrl.durable("jdbc:h2:./db;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:./db;AUTO_SERVER=TRUE;WRITE_DELAY=0;MAX_COMPACT_TIME=2000");
        assertThat(DatabaseUrl.readOnly("jdbc:h2:./db;auto_server=true")).isEqualTo("jdbc:h2:./db;auto_server=true;IFEXISTS=TRUE;LAZY_QUERY_EXECUTION=TRUE");
        assertThatThrownBy(() -> DatabaseUrl.durable("jdbc:h2:./db;AUTO_SERVER=TRUE;DB_CLOSE_ON_EXIT=FALSE"))
                .hasMessageContaining("which H2 refuses together: leave DB_CLOSE_ON_EXIT out");
    }

    @Test
    void settingsAlreadyGivenWithTheRightValueAreKept() {
        assertThat(DatabaseUrl.durable("jdbc:h2:file:/db;write_delay=0;DB_CLOSE_ON_EXIT=false;MAX_COMPACT_TIME=0"))
                .isEqualTo("jdbc:h2:file:/db;write_delay=0;DB_CLOSE_ON_EXIT=false;MAX_COMPACT_TIME=0");
    }

    @Test
    void aConflictingSettingIsRefusedNamingWhatIsNeeded() {
        assertThatThrownBy(() -> DatabaseUrl.durable("jdbc:h2:file:/db;WRITE_DELAY=500"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WRITE_DELAY=500").hasMessageContaining("needs WRITE_DELAY=0");
        assertThatThrownBy(() -> DatabaseUrl.durable("jdbc:h2:file:/db;DB_CLOSE_ON_EXIT=TRUE"))
                .hasMessageContaining("needs DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void databasesThatAreNotH2FilesAreLeftAlone() {
        for (String url : new String[] {"jdbc:h2:mem:test", "jdbc:h2:tcp://host/db", "jdbc:postgresql://db:5432/canceller"}) {
            assertThat(DatabaseUrl.durable(url)).isEqualTo(url);
            assertThat(DatabaseUrl.readOnly(url)).isEqualTo(url);
            assertThat(DatabaseUrl.h2File(url)).isEmpty();
        }
    }

    @Test
    void theReadOnlyFormOpensAnExistingFileOnlyAndNeverWrites() {
        assertThat(DatabaseUrl.readOnly("jdbc:h2:file:/db;ACCESS_MODE_DATA=rw"))
                .isEqualTo("jdbc:h2:file:/db;ACCESS_MODE_DATA=r;IFEXISTS=TRUE;LAZY_QUERY_EXECUTION=TRUE");
    }

    @Test
    void theFileBehindAnH2Url() {
        assertThat(DatabaseUrl.h2File("jdbc:h2:file:/var/db;WRITE_DELAY=0")).contains(Path.of("/var/db.mv.db"));
        assertThat(DatabaseUrl.h2File("jdbc:h2:~/db")).contains(Path.of(System.getProperty("user.home"), "db.mv.db"));
        assertThat(DatabaseUrl.h2File("jdbc:h2:./db")).contains(Path.of("db.mv.db").toAbsolutePath());
    }

    @Test
    void theShownUrlHasNoCredentialsAndNoAddedSettings() {
        assertThat(DatabaseUrl.display("jdbc:postgresql://db:5432/canceller?user=audit&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/canceller?ssl=true");
        assertThat(DatabaseUrl.display("jdbc:postgresql://audit:s3cret@db/canceller")).isEqualTo("jdbc:postgresql://db/canceller");
        assertThat(DatabaseUrl.display("jdbc:h2:file:/db;IFEXISTS=TRUE;PASSWORD=x;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;MAX_COMPACT_TIME=2000;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:/db;AUTO_SERVER=TRUE");
    }
}
