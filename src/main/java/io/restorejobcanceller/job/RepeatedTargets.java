package io.restorejobcanceller.job;

import java.util.Arrays;

/**
 * The first line of each target met more than once, by fingerprint, in a compact open-addressing table (16 bytes a
 * slot): every further duplicate of a target is then confirmed with one lookup by line instead of a search of all
 * its earlier rows, so that any mix of duplicates stays linear.
 */
final class RepeatedTargets {

    private static final long NONE = -1;

    private long[] fingerprints = new long[16];
    private long[] lines = emptyLines(16);
    private int size;

    /** The first line recorded for this fingerprint, or -1. */
    long firstLine(long fingerprint) {
        int mask = fingerprints.length - 1;
        for (int i = SeenTargets.slot(fingerprint, mask); lines[i] != NONE; i = (i + 1) & mask) {
            if (fingerprints[i] == fingerprint) {
                return lines[i];
            }
        }
        return NONE;
    }

    void put(long fingerprint, long firstLine) {
        if (size * 2 >= fingerprints.length) {
            grow();
        }
        int mask = fingerprints.length - 1;
        int i = SeenTargets.slot(fingerprint, mask);
        while (lines[i] != NONE && fingerprints[i] != fingerprint) {
            i = (i + 1) & mask;
        }
        if (lines[i] == NONE) {
            size++;
        }
        fingerprints[i] = fingerprint;
        lines[i] = firstLine;
    }

    private void grow() {
        long[] oldFingerprints = fingerprints;
        long[] oldLines = lines;
        fingerprints = new long[oldFingerprints.length * 2];
        lines = emptyLines(oldFingerprints.length * 2);
        size = 0;
        for (int i = 0; i < oldFingerprints.length; i++) {
            if (oldLines[i] != NONE) {
                put(oldFingerprints[i], oldLines[i]);
            }
        }
    }

    private static long[] emptyLines(int length) {
        long[] lines = new long[length];
        Arrays.fill(lines, NONE);
        return lines;
    }
}
