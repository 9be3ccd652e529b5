package io.restorejobcanceller.find;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.restorejobcanceller.report.CsvReport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link Listing} as {@code cancel}'s input file (its three columns by name, then columns {@code cancel}
 * ignores), a table, or JSON.
 */
final class FoundWriter {

    static final List<String> COLUMNS = List.of("groupId", "clusterName", "restoreJobId", "deliveryType", "snapshotTime",
            "expiresAt", "projectName");

    private FoundWriter() {
    }

    static void write(FindRequest request, Listing listing, PrintWriter out, JsonMapper json) {
        switch (request.format()) {
            case CSV -> csv(request, listing, out);
            case TABLE -> table(listing, out);
            case JSON -> out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(json(request, listing)));
        }
        out.flush();
    }

    /** What the file's first line says: when, with which scope and filters, and the counts. */
    static String comment(FindRequest request, Listing listing) {
        return "# cancel-restore-jobs find at " + request.startedAt() + ", " + request.scope() + ", " + request.filters() + ": "
                + listing.summary() + (listing.notListed().isEmpty() ? "" : " (named on standard error)");
    }

    private static void csv(FindRequest request, Listing listing, PrintWriter out) {
        out.print(comment(request, listing).replaceAll("[\r\n]", " ") + "\n");
        out.print(String.join(",", COLUMNS) + "\n");
        listed(listing).forEach(f -> out.print(CsvReport.row(values(f)) + "\n"));
    }

    private static void table(Listing listing, PrintWriter out) {
        List<List<String>> rows = new ArrayList<>(List.of(COLUMNS));
        listed(listing).forEach(f -> rows.add(values(f)));
        int[] widths = new int[COLUMNS.size()];
        rows.forEach(row -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println(listing.summary());
    }

    private static Map<String, Object> json(FindRequest request, Listing listing) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("foundAt", request.startedAt().toString());
        document.put("scope", request.scope());
        document.put("filters", request.filters());
        document.put("summary", listing.summary());
        document.put("refused", listing.refused());
        document.put("notAnswered", listing.notAnswered());
        document.put("restoreJobs", listing.found().stream().map(f -> {
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("groupId", f.groupId());
            job.put("projectName", f.projectName());
            job.put("clusterName", f.clusterName());
            job.put("restoreJobId", f.job().id());
            job.put("listed", f.listed());
            job.put("reason", f.reason().typed());
            job.put("restoreJob", f.job());
            return job;
        }).toList());
        return document;
    }

    private static Stream<Found> listed(Listing listing) {
        return listing.found().stream().filter(Found::listed);
    }

    private static List<String> values(Found found) {
        return Stream.of(found.groupId(), found.clusterName(), found.job().id(), found.job().deliveryType(),
                found.job().timestamp(), found.job().expiresAt(), found.projectName())
                .map(v -> v == null ? "" : v).collect(Collectors.toList());
    }
}
