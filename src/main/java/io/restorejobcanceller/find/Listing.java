package io.restorejobcanceller.find;

import java.util.ArrayList;
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
 * @param notListed the projects and clusters Atlas refused or never answered for
 */
record Listing(List<Found> found, int projects, int clusters, List<NotListed> notListed) {

    long listed() {
        return found.stream().filter(Found::listed).count();
    }

    List<String> refused() {
        return notListed.stream().filter(NotListed::refused).map(NotListed::toString).toList();
    }

    List<String> notAnswered() {
        return notListed.stream().filter(n -> !n.refused()).map(NotListed::toString).toList();
    }

    /**
     * {@code 1,204 restore jobs in 2 projects, 8 clusters: 1,040 cancellable listed; left out: 90 finished, 40 automated},
     * then {@code ; not listed: 2 projects or clusters refused, 1 not answered} when some could not be listed.
     */
    String summary() {
        Map<Reason, Long> counts = new EnumMap<>(Reason.class);
        found.forEach(f -> counts.merge(f.reason(), 1L, Long::sum));
        String leftOut = counts.entrySet().stream().filter(e -> e.getKey() != Reason.LISTED)
                .sorted(Map.Entry.<Reason, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey().said())).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%,d restore %s in %,d %s, %,d %s: %,d %s", found.size(), found.size() == 1 ? "job" : "jobs",
                projects, projects == 1 ? "project" : "projects", clusters, clusters == 1 ? "cluster" : "clusters",
                listed(), Reason.LISTED.said()) + (leftOut.isEmpty() ? "" : "; left out: " + leftOut) + notListedCounts();
    }

    private String notListedCounts() {
        long refused = notListed.stream().filter(NotListed::refused).count();
        long notAnswered = notListed.size() - refused;
        List<String> counts = new ArrayList<>();
        if (refused > 0) {
            counts.add(String.format(Locale.ROOT, "%,d %s refused", refused, refused == 1 ? "project or cluster" : "projects or clusters"));
        }
        if (notAnswered > 0) {
            counts.add(String.format(Locale.ROOT, "%,d %snot answered", notAnswered,
                    refused > 0 ? "" : notAnswered == 1 ? "project or cluster " : "projects or clusters "));
        }
        return counts.isEmpty() ? "" : "; not listed: " + String.join(", ", counts);
    }
}
