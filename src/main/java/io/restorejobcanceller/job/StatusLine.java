package io.restorejobcanceller.job;



/** The one line a run's progress is redrawn on while a person watches; the command line provides it. */
public interface StatusLine {

    /** Whether a person watches: standard error is a terminal. */
    boolean watched();

    /** Replaces the line shown with this one. */
    void show(String line);
}
