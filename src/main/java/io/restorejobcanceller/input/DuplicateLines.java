package io.restorejobcanceller.input;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;

import io.restorejobcanceller.atlas.CancellationTarget;

/**
 * The lines of an input file that name a target an earlier line already named, each with the first line that named
 * it (its row is DUPLICATE, nothing is sent). Only the repeated lines are kept, 16 bytes each.
 */
public final class DuplicateLines {

    static final DuplicateLines NONE = new DuplicateLines(new long[0], new long[0], 0);

    private final long[] lines;
    private final long[] firstLines;
    private final int size;

    private DuplicateLines(long[] lines, long[] firstLines, int size) {
        this.lines = lines;
        this.firstLines = firstLines;
        this.size = size;
    }

    /** The first line that named this line's target, if it is an earlier one. */
    public OptionalLong earlierLine(long line) {
        int i = Arrays.binarySearch(lines, 0, size, line);
        return i < 0 ? OptionalLong.empty() : OptionalLong.of(firstLines[i]);
    }

    /** How many lines repeat an earlier line's target. */
    public int count() {
        return size;
    }

    /**
     * Finds the repeated lines in two passes over the valid rows, in the order of their lines: the first keeps a
     * 64-bit fingerprint per row (8 bytes a row, sorted afterwards to find the fingerprints met twice); the second,
     * needed only if some are, keeps the first line and whole target of each of those fingerprints (about 60 bytes
     * each) and compares the later rows' targets with it, so a collision never makes a new target a duplicate.
     */
    static final class Finder {

        private final ToLongFunction<CancellationTarget> fingerprint;
        private long[] fingerprints = new long[1024];
        private int rows;
        private long[] repeated;
        private long[] firstLineOfRepeated;
        private Key[] firstTargetOfRepeated;
        private final Map<Key, Long> collided = new HashMap<>();
        private final Map<String, String> clusterNames = new HashMap<>();
        private long[] lines = new long[16];
        private long[] firstLines = new long[16];
        private int size;

        Finder() {
            this(Finder::fnv1a);
        }

        Finder(ToLongFunction<CancellationTarget> fingerprint) {
            this.fingerprint = fingerprint;
        }

        /** The first pass: a valid row's target. */
        void met(CancellationTarget target) {
            if (rows == fingerprints.length) {
                fingerprints = Arrays.copyOf(fingerprints, rows + (rows >> 1));
            }
            fingerprints[rows++] = fingerprint.applyAsLong(target);
        }

        /** Whether some fingerprint came twice: then the valid rows must be passed again to {@link #again}. */
        boolean needsSecondPass() {
            Arrays.sort(fingerprints, 0, rows);
            long[] found = new long[16];
            int count = 0;
            for (int i = 1; i < rows; i++) {
                if (fingerprints[i] == fingerprints[i - 1] && (count == 0 || found[count - 1] != fingerprints[i])) {
                    found = count == found.length ? Arrays.copyOf(found, count * 2) : found;
                    found[count++] = fingerprints[i];
                }
            }
            fingerprints = null;
            repeated = Arrays.copyOf(found, count);
            firstLineOfRepeated = new long[count];
            firstTargetOfRepeated = new Key[count];
            return count > 0;
        }

        /** The second pass: a valid row's target again, with its line. */
        void again(long line, CancellationTarget target) {
            int i = Arrays.binarySearch(repeated, fingerprint.applyAsLong(target));
            if (i < 0) {
                return;
            }
            Key key = key(target);
            Long first;
            if (firstTargetOfRepeated[i] == null) {
                firstTargetOfRepeated[i] = key;
                firstLineOfRepeated[i] = line;
                first = null;
            } else if (firstTargetOfRepeated[i].equals(key)) {
                first = firstLineOfRepeated[i];
            } else {
                first = collided.putIfAbsent(key, line); // another target with the same fingerprint: rare
            }
            if (first != null) {
                if (size == lines.length) {
                    lines = Arrays.copyOf(lines, size * 2);
                    firstLines = Arrays.copyOf(firstLines, size * 2);
                }
                lines[size] = line;
                firstLines[size++] = first;
            }
        }

        DuplicateLines lines() {
            return size == 0 ? NONE : new DuplicateLines(Arrays.copyOf(lines, size), Arrays.copyOf(firstLines, size), size);
        }

        /** A valid target in 28 bytes and a cluster name shared by its rows: its ids are 24 hexadecimal digits. */
        private record Key(long groupHigh, int groupLow, long jobHigh, int jobLow, String clusterName) {
        }

        private Key key(CancellationTarget target) {
            return new Key(Long.parseUnsignedLong(target.groupId(), 0, 16, 16), Integer.parseUnsignedInt(target.groupId(), 16, 24, 16),
                    Long.parseUnsignedLong(target.restoreJobId(), 0, 16, 16), Integer.parseUnsignedInt(target.restoreJobId(), 16, 24, 16),
                    clusterNames.computeIfAbsent(target.clusterName(), name -> name));
        }

        private static long fnv1a(CancellationTarget target) {
            long hash = 0xcbf29ce484222325L;
            for (String part : new String[] {target.groupId(), target.clusterName(), target.restoreJobId()}) {
                for (int i = 0; i < part.length(); i++) {
                    hash = (hash ^ part.charAt(i)) * 0x100000001b3L;
                }
                hash = (hash ^ '/') * 0x100000001b3L;
            }
            return hash;
        }
    }
}
