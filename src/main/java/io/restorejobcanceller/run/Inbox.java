package io.restorejobcanceller.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.restorejobcanceller.atlas.Sleeper;

import org.springframework.stereotype.Component;

/**
 * The files of an inbox directory that are ready to run: matching {@code canceller.input.pattern}, in name order,
 * and no longer being written. A file is taken once its size and modification time have not changed for
 * {@code canceller.input.settle-time}; the run waits for that, checking again, up to ten settle times, and leaves a
 * file still changing after that for the next run. A file removed before its turn is skipped with a warning.
 */
@Component
class Inbox {

    private static final int MAX_SETTLE_TIMES = 10;

    private final InputProperties properties;
    private final Clock clock;
    private final Sleeper sleeper;

    Inbox(InputProperties properties, Clock clock, Sleeper sleeper) {
        this.properties = properties;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    List<Path> readyFiles(Path directory) throws IOException, InterruptedException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, properties.pattern())) {
            stream.forEach(path -> {
                if (Files.isRegularFile(path)) {
                    files.add(path);
                }
            });
        }
        files.sort(null);
        List<Path> ready = new ArrayList<>();
        for (Path file : files) {
            try {
                if (settled(file)) {
                    ready.add(file);
                } else {
                    System.err.println("warning: " + file + " is still being written (it changed within the last "
                            + properties.settleTime().toSeconds() + " s, for " + MAX_SETTLE_TIMES + " settle times); left for the next run");
                }
            } catch (NoSuchFileException removed) {
                warnRemoved(file);
            }
        }
        return ready;
    }

    /**
     * Whether the file's size and modification time have stayed the same for the settle time. The quiet time counts
     * from the modification time, or from when this run first saw the file if that time is in the future (clock skew,
     * {@code cp -p}): a file dated tomorrow is taken once this run has seen it unchanged for the settle time.
     */
    /** A file listed in the inbox and gone by its turn (another worker archived it, an operator moved it): not an error. */
    static void warnRemoved(Path file) {
        System.err.println("warning: " + file + " was removed from the inbox before its turn; skipped");
    }

    private boolean settled(Path file) throws IOException, InterruptedException {
        Duration settle = properties.settleTime();
        Instant giveUp = clock.instant().plus(settle.multipliedBy(MAX_SETTLE_TIMES));
        FileTime modified = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        Instant unchangedSince = modified.toInstant().isAfter(clock.instant()) ? clock.instant() : modified.toInstant();
        while (true) {
            Duration quiet = Duration.between(unchangedSince, clock.instant());
            if (quiet.compareTo(settle) >= 0) {
                return true;
            }
            if (!clock.instant().isBefore(giveUp)) {
                return false;
            }
            sleeper.sleep(settle.minus(quiet));
            FileTime nowModified = Files.getLastModifiedTime(file);
            long nowSize = Files.size(file);
            if (!nowModified.equals(modified) || nowSize != size) {
                modified = nowModified;
                size = nowSize;
                unchangedSince = clock.instant();
            }
        }
    }
}
