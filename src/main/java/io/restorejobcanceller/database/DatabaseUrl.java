package io.restorejobcanceller.database;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the tool needs to know of a JDBC URL of the results database: the H2 settings the crash guarantee depends
 * on, the read-only form used by {@code report} and {@code query}, the file behind an H2 URL, and a form safe to
 * print (no password).
 */
public final class DatabaseUrl {

    /** The setting that names the results database (Spring Boot's own). */
    public static final String SETTING = "spring.datasource.url";
    /** The database as the operator named it, where the tool reads a copy of it (see {@link LiveSnapshot}); else absent. */
    public static final String SHOWN = "results-database.shown-url";

    /**
     * Settings an H2 file database needs for the crash guarantee. WRITE_DELAY=0: a committed outcome reaches the
     * file at once, so that kill -9 cannot lose it; DB_CLOSE_ON_EXIT=FALSE: H2 must not close the database under a
     * job that SIGTERM is still stopping.
     */
    static final Map<String, String> DURABLE = Map.of("WRITE_DELAY", "0", "DB_CLOSE_ON_EXIT", "FALSE");
    /**
     * With {@code AUTO_SERVER=TRUE} (the file shared with a console) H2 refuses {@code DB_CLOSE_ON_EXIT=FALSE} and a
     * read-only file: it closes the database at SIGTERM, under the job, which then ends as after a crash (kill -9),
     * and its restart recovers the same way; a committed outcome is on disk all the same (WRITE_DELAY=0).
     */
    private static final String AUTO_SERVER = "AUTO_SERVER";
    private static final String CLOSE_ON_EXIT = "DB_CLOSE_ON_EXIT";
    private static final String ACCESS_MODE = "ACCESS_MODE_DATA";
    /**
     * Added where absent (a value given is kept): when the run closes the database, H2 spends up to 2 s giving back
     * the superseded pages that a commit per row leaves (a 10,000-row run: 93 MB of file without it, 6 MB with it).
     */
    static final Map<String, String> COMPACTED = Map.of("MAX_COMPACT_TIME", "2000");
    /** Open an existing H2 file only, and read-only: a report never creates or changes a database. */
    static final Map<String, String> READ_ONLY = Map.of("IFEXISTS", "TRUE", "ACCESS_MODE_DATA", "r",
            "LAZY_QUERY_EXECUTION", "TRUE"); // rows as they are found: a large result is streamed, not built first
    private static final String H2 = "jdbc:h2:";
    private static final String H2_FILE_SUFFIX = ".mv.db";

    private DatabaseUrl() {
    }

    /** Whether the URL names an H2 database kept in a file on this host (not in memory, not on an H2 server). */
    public static boolean isH2File(String url) {
        if (!url.regionMatches(true, 0, H2, 0, H2.length())) {
            return false;
        }
        String rest = url.substring(H2.length()).toLowerCase(Locale.ROOT);
        return !rest.startsWith("mem:") && !rest.startsWith("tcp:") && !rest.startsWith("ssl:") && !rest.startsWith("zip:");
    }

    /**
     * The URL with the settings the crash guarantee needs added where absent, and the compaction at close.
     *
     * @throws IllegalArgumentException when the URL sets one of the crash guarantee's settings to another value
     */
    public static String durable(String url) {
        if (!isH2File(url)) {
            return url;
        }
        Map<String, String> durable = DURABLE;
        if (autoServer(url)) {
            if ("FALSE".equalsIgnoreCase(settings(url).get(CLOSE_ON_EXIT))) {
                throw new IllegalArgumentException(SETTING + " sets AUTO_SERVER=TRUE and " + CLOSE_ON_EXIT
                        + "=FALSE, which H2 refuses together: leave " + CLOSE_ON_EXIT + " out");
            }
            durable = without(DURABLE, CLOSE_ON_EXIT);
        }
        return withSettings(withSettings(url, durable, Given.REFUSED), COMPACTED, Given.KEPT);
    }

    /** The URL that opens an existing H2 file read-only (other databases: the URL itself; reads are made read-only per connection). */
    public static String readOnly(String url) {
        return isH2File(url) ? withSettings(url, autoServer(url) ? without(READ_ONLY, ACCESS_MODE) : READ_ONLY, Given.REPLACED) : url;
    }

    /** What becomes of a setting the URL already gives with another value. */
    private enum Given { REFUSED, REPLACED, KEPT }

    /** The H2 data file behind the URL ({@code PATH.mv.db}), for file URLs only. */
    public static Optional<Path> h2File(String url) {
        if (!isH2File(url)) {
            return Optional.empty();
        }
        String path = url.substring(H2.length()).split(";", 2)[0];
        path = path.regionMatches(true, 0, "file:", 0, 5) ? path.substring(5) : path;
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Optional.of(Path.of(path + H2_FILE_SUFFIX).toAbsolutePath().normalize());
    }

    /** The URL as it may be printed: user information, password settings and the settings this tool adds removed. */
    public static String display(String url) {
        String added = String.join("|", DURABLE.keySet()) + "|" + String.join("|", COMPACTED.keySet()) + "|"
                + String.join("|", READ_ONLY.keySet());
        return url.replaceAll("(?i);(" + added + ")=[^;]*", "")
                .replaceAll("//[^/@?;]*@", "//")
                .replaceAll("(?i)(?<=[?&])(password|user|sslpassword)=[^;&]*[&]?", "")
                .replaceAll("(?i);(password|user|sslpassword)=[^;]*", "")
                .replaceAll("[?&;]+$", "");
    }

    private static boolean autoServer(String url) {
        return "TRUE".equalsIgnoreCase(settings(url).get(AUTO_SERVER));
    }

    private static Map<String, String> without(Map<String, String> settings, String name) {
        Map<String, String> rest = new LinkedHashMap<>(settings);
        rest.remove(name);
        return rest;
    }

    /** The settings the URL gives after its path, by upper-case name. */
    private static Map<String, String> settings(String url) {
        String[] parts = url.split(";");
        Map<String, String> present = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] setting = parts[i].split("=", 2);
            present.put(setting[0].strip().toUpperCase(Locale.ROOT), setting.length > 1 ? setting[1].strip() : "");
        }
        return present;
    }

    private static String withSettings(String url, Map<String, String> required, Given given) {
        Map<String, String> present = settings(url);
        StringBuilder result = new StringBuilder(url);
        required.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(setting -> {
            String value = present.get(setting.getKey());
            if (value == null) {
                result.append(';').append(setting.getKey()).append('=').append(setting.getValue());
            } else if (value.equalsIgnoreCase(setting.getValue()) || given == Given.KEPT) {
                return;
            } else if (given == Given.REFUSED) {
                throw new IllegalArgumentException(SETTING + " sets " + setting.getKey() + "=" + value
                        + ", but an H2 file needs " + setting.getKey() + "=" + setting.getValue()
                        + " so that no recorded outcome is lost in a crash (leave it out: it is added)");
            } else {
                result.replace(0, result.length(), result.toString().replaceAll("(?i);" + setting.getKey() + "=[^;]*",
                        ";" + setting.getKey() + "=" + setting.getValue()));
            }
        });
        return result.toString();
    }
}
