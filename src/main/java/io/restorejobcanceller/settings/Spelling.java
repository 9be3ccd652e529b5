package io.restorejobcanceller.settings;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean": the known word closest to a mistyped one. */
public final class Spelling {

    /** A word this close to a known one (in edits) is taken for a mistyping of it. */
    private static final int TYPO_DISTANCE = 3;

    private Spelling() {
    }

    public static String closest(String word, Collection<String> known) {
        return known.stream().min(Comparator.comparingInt((String candidate) -> distance(word, candidate))
                .thenComparing(Comparator.naturalOrder())).orElseThrow();
    }

    /** The known word that {@code word} is a mistyping of (the closest, within {@link #TYPO_DISTANCE} edits), if any. */
    public static Optional<String> typoOf(String word, Collection<String> known) {
        String closest = closest(word, known);
        return distance(word, closest) <= TYPO_DISTANCE ? Optional.of(closest) : Optional.empty();
    }

    /** Levenshtein distance: the number of single-character edits between two words. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.length()];
    }
}
