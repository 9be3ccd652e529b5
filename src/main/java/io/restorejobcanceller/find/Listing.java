package io.restorejobcanceller.find;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every restore job seen by one find, and what could not be listed.
 *
 * @param projects the projects whose clusters were listed
 * @param clusters the clusters whose restore jobs were listed
 * @param refused one line per project or cluster Atlas refused or never answered for, naming it and the answer
 */
record Listing(List<Found> found, int projects, int clusters, List<String> refused) {

    long listed() {
        return found.stream().filter(Found::listed).count();
    }

    /** {@code 1,204 restore jobs in 2 projects, 8 clusters: 1,040 cancellable listed; left out: 90 finished, 40 automated}. */
    String summary() {
        Map<Reason, Long> counts = new EnumMap<>(Reason.class);
        found.forEach(f -> counts.merge(f.reason(), 1L, Long::sum));
        String leftOut = counts.entrySet().stream().filter(e -> e.getKey() != Reason.LISTED)
                .sorted(Map.Entry.<Reason, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey().said())).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%,d restore %s in %,d %s, %,d %s: %,d %s", found.size(), found.size() == 1 ? "job" : "jobs",
                projects, projects == 1 ? "project" : "projects", clusters, clusters == 1 ? "cluster" : "clusters",
                listed(), Reason.LISTED.said()) + (leftOut.isEmpty() ? "" : "; left out: " + leftOut);
    }
}
