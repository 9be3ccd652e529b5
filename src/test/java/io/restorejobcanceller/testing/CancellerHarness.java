package io.restorejobcanceller.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restorejobcanceller.CancellerApplication;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * Runs the real application in-process exactly as {@code main} does (same argument handling, same exit codes),
 * against an H2 file database of its own and the loopback {@link AtlasStub}. The access token is supplied the
 * way the environment would supply it, never as an argument. Register it with
 * {@code @RegisterExtension static final CancellerHarness canceller = new CancellerHarness();}: every test gets a
 * fresh database, a reset stub and default settings.
 */
public final class CancellerHarness implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private final AtlasStub atlas = new AtlasStub();
    private final Map<String, Object> environment = new HashMap<>();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private Path directory;
    private RecordingSleeper sleeper;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("canceller-test");
        sleeper = new RecordingSleeper();
        atlas.reset();
        environment.clear();
        environment.put("MONGODB_ATLAS_ACCESS_TOKEN", "test-token");
        settings.clear();
        with("--spring.datasource.url=" + jdbcUrl());
        with("--canceller.atlas.base-url=" + atlas.baseUrl());
        with("--canceller.atlas.read-timeout=2s");
        with("--canceller.retry.initial-delay=1ms");
        with("--canceller.retry.jitter=0ms");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        FileSystemUtils.deleteRecursively(directory.toFile());
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
        application.addInitializers((ConfigurableApplicationContext context) -> {
            context.getBeanFactory().registerSingleton("sleeper", sleeper);
            context.getBeanFactory().registerSingleton("clock", sleeper.clock());
        });
        List<String> all = new ArrayList<>(settings.values());
        all.addAll(List.of(args));
        return CancellerApplication.run(application, all.toArray(String[]::new));
    }

    public Path file(String name, String content) {
        try {
            return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:h2:file:" + directory.resolve("db").toAbsolutePath();
    }

    public JdbcClient database() {
        return JdbcClient.create(new SimpleDriverDataSource(new org.h2.Driver(), jdbcUrl(), "sa", ""));
    }

    public List<Map<String, Object>> outcomes() {
        return database().sql("SELECT * FROM CANCELLATION_OUTCOME ORDER BY JOB_INSTANCE_ID, LINE_NUMBER").query().listOfRows();
    }

    public RecordingSleeper sleeper() {
        return sleeper;
    }

    public AtlasStub atlas() {
        return atlas;
    }
}
