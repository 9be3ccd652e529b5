package io.restorejobcanceller.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.restorejobcanceller.job.StatusLine;

import org.springframework.stereotype.Component;

/**
 * Standard error as a person sees it: whether it is a terminal, and one status line redrawn in place there. Log
 * lines clear that line before they are written (see logging.Verbosity), and {@link #endLine()} leaves it before
 * anything else is printed.
 */
@Component
public final class Terminal implements StatusLine {

    /** Carriage return and "erase to the end of the line". */
    public static final String CLEAR_LINE = "\r\u001b[K";
    private static final boolean STANDARD_ERROR = isTerminal(Path.of("/proc/self/fd/2"));
    private static boolean lineShown;

    /** As the run's progress line (a bean): standard error's terminal. */
    Terminal() {
    }

    @Override
    public boolean watched() {
        return standardErrorIsTerminal();
    }

    @Override
    public void show(String line) {
        showLine(line);
    }

    /** Whether standard error is a terminal; {@code false} when it cannot be told (not Linux) or is a file or pipe. */
    public static boolean standardErrorIsTerminal() {
        return STANDARD_ERROR;
    }

    public static synchronized void showLine(String line) {
        PrintStream err = System.err;
        err.print(CLEAR_LINE + line);
        err.flush();
        lineShown = true;
    }

    /** Ends the status line, if one is shown, so that what comes next starts on a line of its own. */
    public static synchronized void endLine() {
        if (lineShown) {
            System.err.println();
            lineShown = false;
        }
    }

    /**
     * The width standard output is read at: {@code $COLUMNS} when set (as shells and {@code ls} take it, also when
     * piped), else the terminal's ({@code stty size} on the controlling terminal), else {@code fallback}.
     */
    public static int standardOutputWidth(int fallback) {
        String columns = System.getenv("COLUMNS");
        if (columns != null && columns.strip().matches("[1-9][0-9]{0,4}")) {
            return Integer.parseInt(columns.strip());
        }
        if (System.console() == null) {
            return fallback;
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String[] size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().split(" ");
            return stty.waitFor() == 0 && size.length == 2 && Integer.parseInt(size[1]) > 0 ? Integer.parseInt(size[1]) : fallback;
        } catch (IOException | NumberFormatException e) {
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        }
    }

    private static boolean isTerminal(Path descriptor) {
        try {
            String target = Files.readSymbolicLink(descriptor).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
