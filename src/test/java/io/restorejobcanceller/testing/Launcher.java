package io.restorejobcanceller.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The packaged jar run as the README runs it, through {@code jobs/cancel-restore-jobs}, in a home directory of its
 * own (its settings, Atlas CLI configuration and default database live there). For integration tests ({@code *IT}),
 * which run after {@code package}.
 */
public final class Launcher {

    /** What a finished run left: its exit code, standard output and standard error (one stream on a terminal). */
    public record Result(int exitCode, String out, String err) {
    }

    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    private static final Path CDS_DIR = PROJECT.resolve("target/it-cds");
    private final Path home;
    private final Map<String, String> environment = new HashMap<>();

    public Launcher(Path home) {
        this.home = home;
        environment.put("HOME", home.toString());
        environment.put("XDG_DATA_HOME", home.resolve("data").toString());
        environment.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        environment.put("CANCELLER_CDS_DIR", CDS_DIR.toString());
    }

    /** The class-data-sharing archives the launcher has made (one per jar). */
    public List<Path> sharedArchives() throws IOException {
        try (var archives = Files.find(CDS_DIR, 2, (path, attributes) -> path.getFileName().toString().equals("app.jsa"))) {
            return archives.toList();
        }
    }

    public Launcher env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** The directory the default results database is created in. */
    public Path dataHome() {
        return home.resolve("data");
    }

    /** Writes a file under the home directory's configuration directory ({@code $XDG_CONFIG_HOME}). */
    public Path config(String relativePath, String content) throws IOException {
        Path file = home.resolve("config").resolve(relativePath);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Runs without a terminal (as cron does): standard input is empty, the two outputs are kept apart. */
    public Result run(String... args) throws IOException, InterruptedException {
        Started started = start(args);
        int exitCode = waitFor(started.process());
        return new Result(exitCode, Files.readString(started.out()), Files.readString(started.err()));
    }

    /** A launch that runs on while the test does other things: the process (the jar's own JVM) and where its outputs go. */
    public record Started(Process process, Path out, Path err) {
        public String output() throws IOException {
            return Files.readString(out) + Files.readString(err);
        }
    }

    /** Starts without a terminal, as {@link #run} does, and returns at once. */
    public Started start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(PROJECT.resolve("jobs/cancel-restore-jobs").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process process = builder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Started(process, out, err);
    }

    /**
     * Runs on a pseudo-terminal ({@code script} from util-linux) typing {@code input}: what a person at a terminal
     * sees comes back as {@code out}.
     */
    public Result runInTerminal(String input, String... args) throws IOException, InterruptedException {
        String line = PROJECT.resolve("jobs/cancel-restore-jobs") + " " + List.of(args).stream().map(Launcher::quoted)
                .collect(Collectors.joining(" "));
        Path out = Files.createTempFile(home, "terminal", ".txt");
        Process process = builder(List.of("script", "-q", "-e", "-c", line, "/dev/null")).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        int exitCode = waitFor(process);
        return new Result(exitCode, Files.readString(out), "");
    }

    private ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("MONGODB_ATLAS_") || name.startsWith("CANCELLER_")
                || name.startsWith("SPRING_") || name.startsWith("XDG_"));
        builder.environment().putAll(environment);
        return builder;
    }

    private static int waitFor(Process process) throws InterruptedException {
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not end within 180 s");
        }
        return process.exitValue();
    }

    private static String quoted(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    static {
        if (!Files.isRegularFile(PROJECT.resolve("target/restore-job-canceller.jar"))) {
            throw new UncheckedIOException(new IOException("target/restore-job-canceller.jar is missing: integration "
                    + "tests run after 'package' (mvn verify)"));
        }
    }
}
