package io.restorejobcanceller.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Standard error as a person sees it: whether it is a terminal, and one status line redrawn in place there. Log
 * lines clear that line before they are written (see settings.Verbosity), and {@link #endLine()} leaves it before
 * anything else is printed.
 */
public final class Terminal {

    /** Carriage return and "erase to the end of the line". */
    public static final String CLEAR_LINE = "\r\u001b[K";
    private static final boolean STANDARD_ERROR = isTerminal(Path.of("/proc/self/fd/2"));
    private static boolean lineShown;

    private Terminal() {
    }

    /** Whether standard error is a terminal; {@code false} when it cannot be told (not Linux) or is a file or pipe. */
    public static boolean standardError() {
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

    private static boolean isTerminal(Path descriptor) {
        try {
            String target = Files.readSymbolicLink(descriptor).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
