package io.restorejobcanceller.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** A report that could not be written whole: the command must not claim it was (exit 1). */
class ReportNotWrittenException extends RuntimeException {

    ReportNotWrittenException(String message) {
        super(message);
    }

    /** Standard output as UTF-8 text; see {@link #check}. */
    static PrintWriter standardOutput() {
        return new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    }

    /** PrintWriter and PrintStream swallow write errors (a full disk, /dev/full): ask them. */
    static void check(PrintWriter standardOutput) {
        if (standardOutput.checkError() || System.out.checkError()) {
            throw new ReportNotWrittenException("could not write to standard output (disk full, or the reader went away?)");
        }
    }
}
