package io.restorejobcanceller.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The application in a JVM of its own ({@code main}, so with its SIGTERM handling and {@code System.exit}), for
 * tests that send it signals. Its output is collected line by line.
 */
public final class CancellerProcess {

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    CancellerProcess(List<String> args, Map<String, Object> environment, Path directory) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.restorejobcanceller.CancellerApplication"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("MONGODB_ATLAS_"));
        environment.forEach((name, value) -> builder.environment().put(name, String.valueOf(value)));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "canceller-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until a line of output contains the text; fails the test after the timeout. */
    public void awaitOutput(String text, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (lines.stream().anyMatch(line -> line.contains(text))) {
                return;
            }
            if (!process.isAlive() && lines.stream().noneMatch(line -> line.contains(text))) {
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no output line contains '" + text + "'; output:\n" + String.join("\n", lines));
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, by kill(1): Process.destroy() would also close this end of the output pipe, losing what the process says next. */
    public void sigterm() {
        signal("-TERM");
    }

    /** Ctrl-C, as a terminal sends it. */
    public void sigint() {
        signal("-INT");
    }

    private void signal(String signal) {
        try {
            new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void sigkill() {
        process.destroyForcibly();
    }

    public int waitForExit(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the process did not end within " + timeoutSeconds + " s; output:\n" + String.join("\n", lines));
        }
        reader.join(TimeUnit.SECONDS.toMillis(10)); // its last lines, read after the exit
        return process.exitValue();
    }

    public List<String> output() {
        return lines;
    }
}
