package io.restorejobcanceller.cli;

import io.restorejobcanceller.input.InputFile;
import io.restorejobcanceller.job.GuardProperties;
import io.restorejobcanceller.sending.HumanDuration;
import io.restorejobcanceller.sending.RateProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What a real run of a file will do, said before it starts: the plan line (rows, projects, clusters, the least time
 * the rate implies), the blast-radius guard ({@code canceller.guard.max-cancellations}) and, on a terminal, the
 * question. A refusal or a "no" sends nothing.
 */
@Component
class RunPlan {

    private static final Logger log = LoggerFactory.getLogger(RunPlan.class);

    private final RateProperties rate;
    private final GuardProperties guard;
    private final Confirmation confirmation;

    RunPlan(RateProperties rate, GuardProperties guard, Confirmation confirmation) {
        this.rate = rate;
        this.guard = guard;
        this.confirmation = confirmation;
    }

    /** Approves a run of this file, or throws why not; {@code confirmed}: the operator said yes beforehand. */
    void approve(InputFile file, boolean dryRun, boolean confirmed) {
        long toSend = file.spread().validRowsOf(guard::allows);
        String guarded = guard.maxCancellations() > 0 && toSend > guard.maxCancellations()
                ? "canceller.guard.max-cancellations=" + guard.maxCancellations() + ": " + file.path().getFileName() + " has "
                + toSend + " valid rows to send" + (guard.allowedProjects().isEmpty() ? "" : " in the allowed projects")
                + "; split the file or raise the limit" : null;
        if (dryRun) {
            if (guarded != null) {
                log.warn("a real run of this file would be refused: {}", guarded);
            }
            return;
        }
        if (guarded != null) {
            throw new UsageException(guarded);
        }
        long valid = file.spread().validRowsOf(project -> true);
        log.info("{}", plan(file, valid));
        if (!confirmed) {
            ask("Cancel " + valid + " restore jobs in " + file.spread().describe() + "?");
        }
    }

    /** Asks before a restart sends anything, unless {@code confirmed}. */
    void approveRestart(long executionId, String fileName, boolean confirmed) {
        if (!confirmed) {
            ask("Restart job execution " + executionId + " and cancel the restore jobs of " + fileName + " not yet recorded?");
        }
    }

    private void ask(String question) {
        if (!confirmation.confirmed(question)) {
            throw new UsageException("nothing sent: the confirmation was declined (give --yes to skip it)");
        }
    }

    private String plan(InputFile file, long valid) {
        String least = rate.leastTimeFor(file.spread().validRows()).map(time -> "; at canceller.rate.requests-per-minute="
                + rate.requestsPerMinute() + (rate.scope() == RateProperties.Scope.PROJECT ? " per project" : "")
                + " this takes at least " + HumanDuration.of(time)).orElse("");
        return "Plan: " + file.dataRows() + " rows of " + file.path().getFileName() + ", " + valid + " valid, naming "
                + file.spread().describe() + least;
    }
}
