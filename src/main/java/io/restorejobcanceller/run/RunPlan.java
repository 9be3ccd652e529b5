package io.restorejobcanceller.run;

import java.util.Map;

import io.restorejobcanceller.atlas.auth.AtlasCredentials;
import io.restorejobcanceller.atlas.AtlasProperties;
import io.restorejobcanceller.cli.UsageException;
import io.restorejobcanceller.input.InputFile;
import io.restorejobcanceller.job.GuardProperties;
import io.restorejobcanceller.sending.HumanDuration;
import io.restorejobcanceller.sending.RateLookup;
import io.restorejobcanceller.sending.RateProperties;
import io.restorejobcanceller.sending.RateSources;

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
    private final AtlasProperties atlas;
    private final AtlasCredentials credentials;
    private final RateLookup rates;

    RunPlan(RateProperties rate, GuardProperties guard, Confirmation confirmation, AtlasProperties atlas,
            AtlasCredentials credentials, RateLookup rates) {
        this.rate = rate;
        this.rates = rates;
        this.guard = guard;
        this.confirmation = confirmation;
        this.atlas = atlas;
        this.credentials = credentials;
    }

    /** Approves a run of this file, or throws why not; {@code confirmed}: the operator said yes beforehand. */
    void approve(InputFile file, boolean dryRun, boolean confirmed) {
        Map<String, Long> sent = file.rowsPerProject().validRowsIn(guard::allows);
        long toSend = sent.values().stream().mapToLong(Long::longValue).sum();
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
        long valid = file.rowsPerProject().validRowsOf(project -> true);
        boolean rateLater = lookUpOnceConfirmed(confirmed);
        log.info("{}", plan(file, valid, toSend, sent, rateLater ? null : rates.follow(sent.keySet())));
        if (!confirmed) {
            ask("Cancel " + toSend + " restore jobs in " + (toSend == valid ? file.rowsPerProject().describe()
                    : sent.size() + " allowed project" + (sent.size() == 1 ? "" : "s")) + " " + destination() + "?");
        }
        if (rateLater) {
            log.info("Rate: {}", rate(sent, rates.follow(sent.keySet())));
        }
    }

    /** Says what a retry sends (the rows an earlier run left FAILED) and asks, unless {@code confirmed}. */
    void approveRetry(InputFile file, CancellationLauncher.Retry retry, boolean confirmed) {
        String rows = retry.failedRows() + (retry.failedRows() == 1 ? " row" : " rows");
        boolean rateLater = lookUpOnceConfirmed(confirmed);
        log.info("Plan: retry the {} of {} that ended FAILED (no verdict from Atlas) in job execution {}; its other rows"
                + " are done and not sent again{}; {}", rows, file.path().getFileName(), retry.execution().getId(),
                rateLater ? "" : followedRate(file), destination());
        if (!confirmed) {
            ask("Send the " + rows + " that ended FAILED in job execution " + retry.execution().getId() + " again "
                    + destination() + "?");
        }
        if (rateLater) {
            log.info("Rate: {}", followedRate(file).substring(2));
        }
    }

    /** Says what a restart resumes and asks, unless {@code confirmed}. */
    void approveRestart(CancellationLauncher.Resume resume, InputFile file, boolean confirmed) {
        long left = Math.max(0, resume.rows() - resume.recordedRows());
        String fileName = file.path().getFileName().toString();
        boolean rateLater = !resume.nothingLeft() && lookUpOnceConfirmed(confirmed);
        log.info("Plan: resume job execution {} of {} ({}): {} of its {} rows are recorded and not sent again, {} left{}; {}",
                resume.execution().getId(), fileName, resume.execution().getStatus(), resume.recordedRows(), resume.rows(),
                left, resume.nothingLeft() || rateLater ? "" : followedRate(file), destination());
        if (!confirmed && !resume.nothingLeft()) {
            ask("Resume job execution " + resume.execution().getId() + " and cancel the restore jobs of the " + left
                    + (left == 1 ? " row" : " rows") + " of " + fileName + " not yet recorded " + destination() + "?");
        }
        if (rateLater) {
            log.info("Rate: {}", followedRate(file).substring(2));
        }
    }

    /**
     * Whether Atlas's buckets are looked up only after the person at the terminal said yes: a declined run sends
     * nothing, not even the look-up (the destination or the credentials may be what they decline).
     */
    private boolean lookUpOnceConfirmed(boolean confirmed) {
        return rate.followsAtlas() && !confirmed && confirmation.asks();
    }

    /** Asks Atlas again for the buckets of the file's projects (a restart's rate may have changed); said unless configured. */
    private String followedRate(InputFile file) {
        RateSources sources = rates.follow(file.rowsPerProject().validRowsIn(guard::allows).keySet());
        return sources.configured() ? "" : "; " + sources.describe();
    }

    /** Where the rate comes from and the least time these rows take at it. */
    private String rate(Map<String, Long> sent, RateSources sources) {
        return sources.describe() + sources.leastTimeFor(sent, rate).map(time -> ", this takes at least " + HumanDuration.of(time)).orElse("");
    }

    private void ask(String question) {
        if (!confirmation.confirmed(question)) {
            throw new UsageException("nothing sent: the confirmation was declined (give --yes to skip it)");
        }
    }

    /**
     * The plan line: what the file holds, what is not sent by the guard, where the rate comes from and the least time
     * the rest takes at it.
     */
    private String plan(InputFile file, long valid, long toSend, Map<String, Long> sent, RateSources sources) {
        String outside = toSend == valid ? "" : "; " + (valid - toSend) + " of them in projects outside canceller.guard.allowed-projects, not sent";
        String least = sources == null ? "; rate: Atlas's buckets, asked once confirmed"
                : sources.configured() && sources.leastTimeFor(sent, rate).isEmpty() ? "" : "; " + rate(sent, sources);
        return "Plan: " + file.dataRows() + (file.dataRows() == 1 ? " row of " : " rows of ") + file.path().getFileName()
                + ", " + valid + " valid, naming " + file.rowsPerProject().describe() + outside + least + "; " + destination();
    }

    /** Where the requests go and as whom: the base URL and the credentials with their public id and origin. */
    private String destination() {
        return "at " + atlas.baseUrlWithoutSlash() + " as " + credentials.describe();
    }

    /** Refuses a run that would send with unusable credentials or a secret over plain http. */
    void checkAtlasConfiguration() {
        credentials.problemCalling(atlas, " (or use --dry-run, which sends nothing)").ifPresent(problem -> {
            throw new UsageException(problem);
        });
    }
}
