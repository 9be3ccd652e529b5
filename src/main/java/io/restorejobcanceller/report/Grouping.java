package io.restorejobcanceller.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a report's counts can be grouped by ({@code --by}): each a column (or expression) of the results table. */
enum Grouping {
    OUTCOME("OUTCOME"),
    ERROR_CODE("ERROR_CODE"),
    PROJECT("GROUP_ID"),
    CLUSTER("GROUP_ID || '/' || CLUSTER_NAME"),
    EXECUTION("JOB_EXECUTION_ID"),
    /** The UTC date the row was recorded on. */
    NIGHT("CAST(RECORDED_AT AT TIME ZONE 'UTC' AS DATE)");

    private final String expression;

    Grouping(String expression) {
        this.expression = expression;
    }

    String expression() {
        return expression;
    }

    /** As typed on the command line: {@code error-code}. */
    public String typed() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Grouping> of(String typed) {
        return Arrays.stream(values()).filter(g -> g.typed().equalsIgnoreCase(typed.strip())).findFirst();
    }

    public static String allTyped() {
        return Arrays.stream(values()).map(Grouping::typed).collect(Collectors.joining(", "));
    }
}
