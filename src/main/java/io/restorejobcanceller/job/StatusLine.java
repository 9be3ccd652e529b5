package io.restorejobcanceller.job;

/** The one line a run's (or a find's) progress is redrawn on while a person watches; the command line provides it. */
public interface StatusLine {

    int BAR_WIDTH = 20;

    /** {@code [#####...............] }: a bar {@code percent} full, and a space for what follows it. */
    static String bar(long percent) {
        int full = (int) (Math.min(100, Math.max(0, percent)) * BAR_WIDTH / 100);
        return "[" + "#".repeat(full) + ".".repeat(BAR_WIDTH - full) + "] ";
    }

    /** Whether a person watches: standard error is a terminal. */
    boolean watched();

    /** Replaces the line shown with this one. */
    void show(String line);
}
