package io.restorejobcanceller.find;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * What one {@code find} looks at and how it writes it: the job parameters of its execution, so that the job
 * repository says which scope and filters each find had.
 *
 * @param projects the projects given ({@code --project}); empty with {@code --all-projects}
 * @param clusters the clusters given ({@code --cluster}); empty: every cluster of each project
 * @param snapshotBefore only snapshots taken before this ({@code null}: no limit)
 * @param snapshotAfter only snapshots taken at or after this ({@code null}: no limit)
 * @param output where the file goes, as the audit names it ({@code null}: standard output)
 */
record FindRequest(List<String> projects, List<String> clusters, Instant snapshotBefore, Instant snapshotAfter,
                   FoundFormat format, String output, Instant startedAt) {

    private static final String PROJECTS = "find.projects";
    private static final String CLUSTERS = "find.clusters";
    private static final String BEFORE = "find.snapshot-before";
    private static final String AFTER = "find.snapshot-after";
    private static final String FORMAT = "find.format";
    private static final String OUTPUT = "find.output";
    private static final String STARTED_AT = "find.started-at";
    /** Not identifying: the scope and filters as typed, as the view FIND_RUN shows them (db/migration V7). */
    private static final String SCOPE = "find.scope";
    private static final String FILTERS = "find.filters";
    private static final String STANDARD_OUTPUT = "standard output";

    boolean allProjects() {
        return projects.isEmpty();
    }

    /** {@code --project a,b --cluster c}, or {@code --all-projects}. */
    String scope() {
        return (allProjects() ? "--all-projects" : "--project " + String.join(",", projects))
                + (clusters.isEmpty() ? "" : " --cluster " + String.join(",", clusters));
    }

    /** {@code --snapshot-before ... --snapshot-after ...}, or {@code no filter}. */
    String filters() {
        List<String> filters = new ArrayList<>();
        if (snapshotBefore != null) {
            filters.add("--snapshot-before " + snapshotBefore);
        }
        if (snapshotAfter != null) {
            filters.add("--snapshot-after " + snapshotAfter);
        }
        return filters.isEmpty() ? "no filter" : String.join(" ", filters);
    }

    String outputName() {
        return output == null ? STANDARD_OUTPUT : output;
    }

    /** Identifying parameters: each find is a job instance of its own (its start time tells them apart). */
    JobParameters toJobParameters() {
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(PROJECTS, String.join(",", projects))
                .addString(CLUSTERS, String.join(",", clusters))
                .addString(FORMAT, format.name())
                .addString(OUTPUT, outputName())
                .addString(STARTED_AT, startedAt.toString())
                .addString(SCOPE, scope(), false)
                .addString(FILTERS, filters(), false);
        if (snapshotBefore != null) {
            parameters.addString(BEFORE, snapshotBefore.toString());
        }
        if (snapshotAfter != null) {
            parameters.addString(AFTER, snapshotAfter.toString());
        }
        return parameters.toJobParameters();
    }

    static FindRequest of(Map<String, Object> parameters) {
        String output = (String) parameters.get(OUTPUT);
        return new FindRequest(list(parameters.get(PROJECTS)), list(parameters.get(CLUSTERS)), instant(parameters.get(BEFORE)),
                instant(parameters.get(AFTER)), FoundFormat.valueOf((String) parameters.get(FORMAT)),
                STANDARD_OUTPUT.equals(output) ? null : output, Instant.parse((String) parameters.get(STARTED_AT)));
    }

    private static List<String> list(Object value) {
        return value == null || value.toString().isEmpty() ? List.of() : Arrays.asList(value.toString().split(","));
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse(value.toString());
    }
}
