package io.restorejobcanceller.testing;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Valid, distinct targets for test files. */
public final class Targets {

    public static final String GROUP = "32b6e34b3d91647abb20e7b8";
    public static final String CLUSTER = "Cluster0";

    private Targets() {
    }

    /** The restore job id of target {@code n} (1-based). */
    public static String job(int n) {
        return "%024x".formatted(0x65a1f0c2L * 1_000_000L + n);
    }

    public static String path(int n) {
        return AtlasStub.path(GROUP, CLUSTER, job(n));
    }

    public static String row(int n) {
        return GROUP + "," + CLUSTER + "," + job(n);
    }

    /** A CSV with a header and {@code rowsPerProject} targets in each of these projects, the projects taking turns. */
    public static String csv(java.util.List<String> projects, int rowsPerProject) {
        return "groupId,clusterName,restoreJobId\n" + IntStream.range(0, rowsPerProject * projects.size())
                .mapToObj(i -> projects.get(i % projects.size()) + "," + CLUSTER + "," + job(i + 1))
                .collect(Collectors.joining("\n")) + "\n";
    }

    /** A CSV with a header and targets 1..count. */
    public static String csv(int count) {
        return "groupId,clusterName,restoreJobId\n"
                + IntStream.rangeClosed(1, count).mapToObj(Targets::row).collect(Collectors.joining("\n")) + "\n";
    }
}
