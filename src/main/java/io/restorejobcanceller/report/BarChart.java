package io.restorejobcanceller.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.restorejobcanceller.outcome.Outcome;

/**
 * A horizontal stacked bar chart of counts per key and outcome, as numbers an SVG template draws: one bar per key,
 * one segment per outcome, lengths proportional to the largest bar.
 */
record BarChart(String id, String title, int width, int height, List<Bar> bars) {

    private static final int LABEL_WIDTH = 230;
    private static final int BAR_AREA = 520;
    private static final int BAR_HEIGHT = 18;
    private static final int ROW = 26;
    private static final int LABEL_CHARACTERS = 32;

    record Bar(String label, String shortLabel, long total, int textY, String totalX, List<Segment> segments) {
    }

    record Segment(String label, Outcome outcome, long count, String x, int y, String width, int barHeight) {
    }

    /** The groups' counts per key (dry-run and real rows of an outcome together), keys in the order given. */
    static BarChart of(String id, String title, List<AuditReport.Group> groups, Comparator<String> keyOrder,
                       Function<String, String> labels) {
        Map<String, Map<Outcome, Long>> counts = new LinkedHashMap<>();
        groups.stream().map(AuditReport.Group::key).distinct().sorted(keyOrder)
                .forEach(key -> counts.put(key, new EnumMap<>(Outcome.class)));
        groups.forEach(g -> counts.get(g.key()).merge(g.outcome(), g.rows(), Long::sum));
        long largest = counts.values().stream().mapToLong(BarChart::sum).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        int y = 4;
        for (Map.Entry<String, Map<Outcome, Long>> bar : counts.entrySet()) {
            String label = labels.apply(bar.getKey());
            double x = LABEL_WIDTH;
            List<Segment> segments = new ArrayList<>();
            for (Map.Entry<Outcome, Long> segment : bar.getValue().entrySet()) {
                double length = (double) segment.getValue() * BAR_AREA / largest;
                segments.add(new Segment(label, segment.getKey(), segment.getValue(), number(x), y, number(length), BAR_HEIGHT));
                x += length;
            }
            bars.add(new Bar(label, TableReport.fit(label, LABEL_CHARACTERS), sum(bar.getValue()), y + 13, number(x + 6), segments));
            y += ROW;
        }
        return new BarChart(id, title, LABEL_WIDTH + BAR_AREA + 80, Math.max(y, ROW), bars);
    }

    private static long sum(Map<Outcome, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
