package io.restorejobcanceller.sending;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * How often, and how long in all, requests paused because Atlas asked them to (a {@code Retry-After}, a low
 * {@code RateLimit-Remaining}): the first pause is logged, the others are counted for the progress lines and the
 * run's summary, which takes them ({@link #take()}) so that each run of an inbox counts its own.
 */
@Component
public class AtlasPauses {

    private static final Logger log = LoggerFactory.getLogger(AtlasPauses.class);

    private int count;
    private Duration total = Duration.ZERO;

    /** The pauses so far. */
    public record Pauses(int count, Duration total) {

        @Override
        public String toString() {
            return count == 0 ? "no pause" : "paused " + count + (count == 1 ? " time" : " times")
                    + " for Atlas's Retry-After or a low RateLimit-Remaining, " + HumanDuration.of(total) + " in all";
        }
    }

    /** A pause begins: {@code who} ("project X", "every request") waits this long. */
    synchronized void began(String who, Duration duration) {
        if (count == 0) {
            log.info("Atlas asked to wait: {} pauses for {} (further pauses are counted in the progress lines)",
                    who, HumanDuration.of(duration));
        }
        count++;
        total = total.plus(duration);
    }

    /** A pause under way grows by this much (another worker's 429 of the same moment is the same pause). */
    synchronized void grew(Duration by) {
        total = total.plus(by);
    }

    public synchronized Pauses sofar() {
        return new Pauses(count, total);
    }

    /** The pauses so far, counted afresh from now on. */
    public synchronized Pauses take() {
        Pauses taken = sofar();
        count = 0;
        total = Duration.ZERO;
        return taken;
    }
}
