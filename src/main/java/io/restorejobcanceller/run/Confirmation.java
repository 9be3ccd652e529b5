package io.restorejobcanceller.run;

import java.io.Console;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Asks before a destructive bulk action when a person is at a terminal; without one (cron, CI, Kubernetes, a pipe)
 * it never asks, so schedulers are not blocked.
 */
@Component
class Confirmation {

    private static final Set<String> YES = Set.of("y", "yes");

    /** Whether {@link #confirmed} asks a person (there is a terminal) rather than going ahead. */
    boolean asks() {
        return System.console() != null;
    }

    /** {@code true} when the action may go ahead: no terminal to ask on, or the person answered yes. */
    boolean confirmed(String question) {
        Console console = System.console();
        if (console == null) {
            return true;
        }
        String answer = console.readLine("%s [y/N] ", question);
        return answer != null && YES.contains(answer.strip().toLowerCase(Locale.ROOT));
    }
}
