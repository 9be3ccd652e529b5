package io.restorejobcanceller.find;

/** How {@code find} writes what it found. */
enum FoundFormat {
    /** The input file of {@code cancel}: a comment line, the header, one line per cancellable restore job. */
    CSV,
    /** The cancellable restore jobs as aligned columns, for a terminal. */
    TABLE,
    /** Every restore job seen, each with why it is or is not listed, for scripts. */
    JSON
}
