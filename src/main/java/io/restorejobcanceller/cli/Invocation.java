package io.restorejobcanceller.cli;

import java.util.List;

/**
 * What the command line asks for, parsed before Spring starts: the command's options (a picocli object such as
 * {@link CancelOptions}) and the arguments Spring's environment gets (the command's name and the settings).
 */
public record Invocation(Object options, List<String> springArguments) {

    public String[] springArgumentArray() {
        return springArguments.toArray(String[]::new);
    }
}
