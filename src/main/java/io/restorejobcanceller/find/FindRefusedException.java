package io.restorejobcanceller.find;

import io.restorejobcanceller.cli.ExitCode;

import picocli.CommandLine.IExitCodeGenerator;

/** Atlas refused the credentials or this host, or would not list the projects: nothing is written (exit 1). */
class FindRefusedException extends RuntimeException implements IExitCodeGenerator {

    FindRefusedException(String message) {
        super(message + "; nothing was written");
    }

    @Override
    public int getExitCode() {
        return ExitCode.JOB_FAILED;
    }
}
