package io.restorejobcanceller.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.restorejobcanceller.job.StatusLine;
import io.restorejobcanceller.CancellerApplication;
import io.restorejobcanceller.atlas.Sleeper;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * Runs the real application in-process exactly as {@code main} does (same argument handling, same exit codes),
 * against an H2 file database of its own and the loopback {@link AtlasStub}. The access token is supplied the
 * way the environment would supply it, never as an argument. Register it with
 * {@code @RegisterExtension static final CancellerHarness canceller = new CancellerHarness();}: every test gets a
 * fresh database, a reset stub and default settings.
 */
public final class CancellerHarness implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    /** Set by .ci/run: an admin JDBC URL of a throwaway PostgreSQL cluster, for {@link #onPostgres()}. */
    public static final String POSTGRES_URL_VARIABLE = "CANCELLER_TEST_POSTGRES_URL";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final AtlasStub atlas = new AtlasStub();
    private final String postgresAdminUrl;
    private String jdbcUrl;
    private final Map<String, Object> environment = new HashMap<>();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private Path directory;
    private RecordingSleeper sleeper;
    private MeterRegistry meters;
    private Consumer<ConfigurableApplicationContext> afterStart = context -> { };
    private StatusLine statusLine;

    public CancellerHarness() {
        this(null);
    }

    private CancellerHarness(String postgresAdminUrl) {
        this.postgresAdminUrl = postgresAdminUrl;
    }

    /** A harness whose every test gets a fresh PostgreSQL database instead of an H2 file. */
    public static CancellerHarness onPostgres() {
        String url = System.getenv(POSTGRES_URL_VARIABLE);
        if (url == null) {
            throw new IllegalStateException(POSTGRES_URL_VARIABLE + " is not set: run the PostgreSQL tests through .ci/run");
        }
        return new CancellerHarness(url);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("canceller-test");
        jdbcUrl = postgresAdminUrl == null ? "jdbc:h2:file:" + directory.resolve("db").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"
                : freshPostgresDatabase();
        sleeper = new RecordingSleeper();
        atlas.reset();
        environment.clear();
        environment.put("MONGODB_ATLAS_ACCESS_TOKEN", "test-token");
        environment.put("XDG_CONFIG_HOME", directory.resolve("config").toString()); // never the user's own settings
        settings.clear();
        afterStart = started -> { };
        statusLine = null;
        with("--spring.datasource.url=" + jdbcUrl);
        with("--canceller.atlas.base-url=" + atlas.baseUrl());
        with("--canceller.atlas.read-timeout=2s");
        with("--canceller.retry.initial-delay=1ms");
        with("--canceller.retry.jitter=0ms");
        with("--canceller.rate.requests-per-minute=0");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        FileSystemUtils.deleteRecursively(directory.toFile());
        // Spring Boot keeps logging settings in system properties, which would outlive an in-process run
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("CONSOLE_LOG")
                || name.startsWith("FILE_LOG") || name.startsWith("LOG_")).forEach(System::clearProperty);
        if (postgresAdminUrl != null) {
            String name = jdbcUrl.replaceFirst(".*/([^/?]+).*", "$1");
            JdbcClient.create(new DriverManagerDataSource(postgresAdminUrl)).sql("DROP DATABASE " + name + " WITH (FORCE)").update();
        }
    }

    private String freshPostgresDatabase() {
        String name = "canceller_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        JdbcClient.create(new DriverManagerDataSource(postgresAdminUrl)).sql("CREATE DATABASE " + name).update();
        return postgresAdminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        atlas.close();
    }

    public Path directory() {
        return directory;
    }

    public CancellerHarness token(String token) {
        return env("MONGODB_ATLAS_ACCESS_TOKEN", token);
    }

    /** Sets (or with {@code null} removes) what the process environment would hold. */
    public CancellerHarness env(String name, String value) {
        if (value == null) {
            environment.remove(name);
        } else {
            environment.put(name, value);
        }
        return this;
    }

    /** Runs once the application has started, before its command runs (e.g. what a reloaded logging configuration does). */
    public CancellerHarness afterStart(Runnable action) {
        return afterStart(context -> action.run());
    }

    /** Runs with the started application's beans, before its command runs (e.g. a job launched directly). */
    public CancellerHarness afterStart(Consumer<ConfigurableApplicationContext> action) {
        afterStart = action;
        return this;
    }

    /** The status line progress is drawn on, watched by a person (standard error's terminal), instead of the real one. */
    public CancellerHarness statusLine(StatusLine line) {
        statusLine = line;
        return this;
    }

    /** Drops a setting made by default or by {@link #with(String)}. */
    public CancellerHarness without(String name) {
        settings.remove(name);
        return this;
    }

    /** A setting given on every run, e.g. {@code --canceller.chunk-size=3}; replaces an earlier one of the same name. */
    public CancellerHarness with(String setting) {
        int equals = setting.indexOf('=');
        settings.put(equals < 0 ? setting : setting.substring(0, equals), setting);
        return this;
    }

    public int run(String... args) {
        SpringApplication application = new SpringApplication(CancellerApplication.class);
        application.setDefaultProperties(environment);
        application.addInitializers((GenericApplicationContext context) -> {
            context.registerBean("recordingSleeper", Sleeper.class, () -> sleeper, definition -> definition.setPrimary(true));
            context.registerBean("recordingClock", Clock.class, sleeper::clock, definition -> definition.setPrimary(true));
            if (statusLine != null) {
                context.registerBean("testStatusLine", StatusLine.class, () -> statusLine, definition -> definition.setPrimary(true));
            }
        });
        application.addListeners((ApplicationStartedEvent started) -> meters = started.getApplicationContext().getBean(MeterRegistry.class));
        application.addListeners((ApplicationStartedEvent started) -> afterStart.accept(started.getApplicationContext()));
        List<String> all = new ArrayList<>(settings.values());
        all.addAll(List.of(args));
        return CancellerApplication.run(application, all.toArray(String[]::new));
    }

    /**
     * Runs on another thread, and returns once the stub has received a DELETE of this path: a run caught in the
     * middle (make that DELETE slow with {@link AtlasStub#answer}).
     */
    public CompletableFuture<Integer> runInBackgroundUntilSent(String path, String... args) throws InterruptedException {
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> run(args));
        while (atlas.deletesOf(path) == 0 && !run.isDone()) {
            Thread.sleep(25);
        }
        return run;
    }

    /** Starts the application in a process of its own, with the same settings and environment. */
    public CancellerProcess start(String... args) {
        return startIn(directory, args);
    }

    /** Starts the application in a process of its own whose working directory is the one given. */
    public CancellerProcess startIn(Path workingDirectory, String... args) {
        List<String> all = new ArrayList<>(settings.values());
        all.addAll(List.of(args));
        return new CancellerProcess(all, environment, workingDirectory);
    }

    public Path file(String name, String content) {
        try {
            return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public JdbcClient database() {
        return JdbcClient.create(postgresAdminUrl == null ? new DriverManagerDataSource(jdbcUrl, "sa", "")
                : new DriverManagerDataSource(jdbcUrl));
    }

    public List<Map<String, Object>> outcomes() {
        return database().sql("SELECT * FROM CANCELLATION_OUTCOME ORDER BY JOB_INSTANCE_ID, LINE_NUMBER").query().listOfRows();
    }

    /** The metrics registry of the last run. */
    public MeterRegistry meters() {
        return meters;
    }

    public RecordingSleeper sleeper() {
        return sleeper;
    }

    public AtlasStub atlas() {
        return atlas;
    }
}
