package io.restorejobcanceller.job;

import io.restorejobcanceller.atlas.CancellationTarget;

/**
 * 64-bit fingerprints of the targets already met in this job instance, in a compact open-addressing set (8 bytes a
 * row: a million rows fit in a small heap). A target not in the set is certainly new, so the common case needs no
 * database lookup; a fingerprint already present is confirmed against the results table, so a collision can never
 * turn a new target into a DUPLICATE.
 */
final class SeenTargets {

    private long[] slots = new long[1 << 10];
    private int size;
    private boolean containsZero;

    static long fingerprint(CancellationTarget target) {
        long hash = 0xcbf29ce484222325L;
        for (String part : new String[] {target.groupId(), target.clusterName(), target.restoreJobId()}) {
            for (int i = 0; i < part.length(); i++) {
                hash = (hash ^ part.charAt(i)) * 0x100000001b3L;
            }
            hash = (hash ^ '/') * 0x100000001b3L;
        }
        return hash;
    }

    /** Adds the fingerprint; {@code true} if it was not there yet. */
    boolean add(long fingerprint) {
        if (fingerprint == 0) {
            boolean added = !containsZero;
            containsZero = true;
            return added;
        }
        if (size * 2 >= slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = slot(fingerprint, mask); ; i = (i + 1) & mask) {
            if (slots[i] == fingerprint) {
                return false;
            }
            if (slots[i] == 0) {
                slots[i] = fingerprint;
                size++;
                return true;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long fingerprint : old) {
            if (fingerprint != 0) {
                add(fingerprint);
            }
        }
    }

    /** Where a fingerprint's probe starts in a table of {@code mask + 1} slots. */
    static int slot(long fingerprint, int mask) {
        long h = fingerprint * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
