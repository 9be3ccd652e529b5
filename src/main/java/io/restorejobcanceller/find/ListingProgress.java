package io.restorejobcanceller.find;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.restorejobcanceller.job.StatusLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A find's progress on standard error, as {@code cancel}'s ({@code job.ProgressLog}): on a terminal one bar redrawn in
 * place (projects listed of those in scope, clusters, restore jobs seen), at most a few times a second while pages
 * come; elsewhere (cron, CI, Kubernetes) a log line per project listed.
 */
final class ListingProgress {

    private static final Logger log = LoggerFactory.getLogger(ListingProgress.class);
    private static final Duration REDRAW = Duration.ofMillis(200);

    private final StatusLine statusLine;
    private final Clock clock;
    private final boolean bar;
    private final int projects;
    private int projectsDone;
    private int clusters;
    private long seen;
    private Instant lastDrawn = Instant.MIN;

    /** @param projects the projects in scope */
    ListingProgress(StatusLine statusLine, Clock clock, int projects) {
        this.statusLine = statusLine;
        this.clock = clock;
        this.bar = statusLine.watched() && log.isInfoEnabled();
        this.projects = projects;
    }

    /** One restore job seen; the bar is redrawn if it has not been for a moment. */
    void seen() {
        seen++;
        Instant now = clock.instant();
        if (bar && Duration.between(lastDrawn, now).compareTo(REDRAW) >= 0) {
            draw(now);
        }
    }

    void clusterListed() {
        clusters++;
        if (bar) {
            draw(clock.instant());
        }
    }

    /** A project whose clusters Atlas did not list: done, as far as the bar goes (the refusal is named at the end). */
    void projectNotListed() {
        projectsDone++;
        if (bar) {
            draw(clock.instant());
        }
    }

    /** A project listed; off a terminal, its log line. */
    void projectDone(String groupId, int clustersOfIt, long jobsOfIt) {
        projectsDone++;
        if (bar) {
            draw(clock.instant());
        } else {
            log.info("Listed project {}: {} clusters, {} restore jobs ({} of {} projects, {} restore jobs seen)", groupId, clustersOfIt,
                    jobsOfIt, projectsDone, projects, seen);
        }
    }

    private void draw(Instant now) {
        lastDrawn = now;
        statusLine.show(StatusLine.bar(projects == 0 ? 100 : projectsDone * 100L / projects) + String.format(Locale.ROOT,
                "%d/%d projects, %,d clusters, %,d restore jobs seen", projectsDone, projects, clusters, seen));
    }
}
