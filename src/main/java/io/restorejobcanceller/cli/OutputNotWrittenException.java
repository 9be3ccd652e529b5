package io.restorejobcanceller.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine.IExitCodeGenerator;

/** A report that could not be written whole: the command must not claim it was (exit 1). */
public class OutputNotWrittenException extends RuntimeException implements IExitCodeGenerator {

    public OutputNotWrittenException(String message) {
        super(message);
    }

    @Override
    public int getExitCode() {
        return ExitCode.JOB_FAILED;
    }

    /** Standard output as UTF-8 text; see {@link #check}. */
    public static PrintWriter standardOutput() {
        return new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    }

    /** PrintWriter and PrintStream swallow write errors (a full disk, /dev/full): ask them. */
    public static void check(PrintWriter standardOutput) {
        if (standardOutput.checkError() || System.out.checkError()) {
            throw new OutputNotWrittenException("could not write to standard output (disk full, or the reader went away?)");
        }
    }
}
