package io.restorejobcanceller.job;

import java.time.OffsetDateTime;

import io.restorejobcanceller.input.CheckedRow;
import io.restorejobcanceller.outcome.Outcome;
import io.restorejobcanceller.sending.RowResult;
import io.restorejobcanceller.sending.RefusedScope;
import io.restorejobcanceller.sending.RequestPlan;

/**
 * Whether a row gets a request, from the row and what is known of it: its outcome without a request, or what to send.
 * The first that applies wins: an invalid row, a target an earlier line of the file named, a project the guard does
 * not allow, a target an earlier run finished, a project or cluster Atlas refused in this execution, a dry run (that
 * does not check first). Any other row is sent: a DELETE, a GET before it with {@code --check-first}, only the GET in
 * a dry run that checks first.
 */
final class RowDecision {

    private RowDecision() {
    }

    /**
     * What is known of a row when it is decided (and again just before it is sent, when Atlas may have refused its
     * project or cluster meanwhile).
     *
     * @param earlierLine the earlier line of the file that named the same target, or {@code null}
     * @param projectAllowed whether {@code canceller.guard.allowed-projects} lets the row's project through
     * @param earlierRun what an earlier job instance's real run did to the same target, or {@code null}
     * @param refusal Atlas's refusal of the row's project or cluster in this execution, or {@code null}
     */
    record Facts(CheckedRow row, Long earlierLine, boolean projectAllowed, EarlierRun earlierRun, Refusal refusal,
                 boolean dryRun, boolean checkFirst) {

        Facts withRefusal(Refusal latest) {
            return new Facts(row, earlierLine, projectAllowed, earlierRun, latest, dryRun, checkFirst);
        }
    }

    /** A target that an earlier job instance's real run finished: CANCELLED, NOT_FOUND or SKIPPED. */
    record EarlierRun(Outcome outcome, long executionId, String inputFile, long lineNumber, OffsetDateTime recordedAt) {
    }

    /** Atlas refused this project or cluster as a whole, answering the row at {@code lineNumber}. */
    record Refusal(RefusedScope scope, long lineNumber, String errorCode, String detail) {
    }

    sealed interface Decision {
    }

    /** The row's outcome, without a request. */
    record NotSent(RowResult result) implements Decision {
    }

    /** The row is sent: these requests. */
    record Send(RequestPlan requests) implements Decision {
    }

    static Decision decide(Facts facts) {
        CheckedRow row = facts.row();
        if (!row.isValid()) {
            return notSent(Outcome.INVALID, row.invalidReason());
        }
        if (facts.earlierLine() != null) {
            return notSent(Outcome.DUPLICATE, "same target as line " + facts.earlierLine());
        }
        if (!facts.projectAllowed()) {
            String project = row.target().groupId();
            return new NotSent(new RowResult(Outcome.REJECTED, null, GuardProperties.PROJECT_NOT_ALLOWED, "not sent: project "
                    + project + " is not in canceller.guard.allowed-projects", 0,
                    new RefusedScope(project, null))); // its scope: the project counts once against the skip limit
        }
        if (facts.earlierRun() != null) {
            EarlierRun e = facts.earlierRun();
            return notSent(Outcome.DUPLICATE, "not sent: already " + e.outcome() + " by job execution " + e.executionId()
                    + " (" + e.inputFile() + " line " + e.lineNumber() + ", " + e.recordedAt().toInstant()
                    + "); --resend-known sends it anyway");
        }
        if (facts.refusal() != null) {
            Refusal r = facts.refusal();
            return new NotSent(new RowResult(Outcome.REJECTED, null, r.errorCode(),
                    "not sent: Atlas refused the " + r.scope() + " at line " + r.lineNumber() + " (" + r.detail() + ")", 0));
        }
        if (!facts.checkFirst()) {
            return facts.dryRun() ? notSent(Outcome.PLANNED, "dry run: would send DELETE") : new Send(RequestPlan.DELETE);
        }
        return new Send(facts.dryRun() ? RequestPlan.CHECK_ONLY : RequestPlan.CHECK_THEN_DELETE);
    }

    private static NotSent notSent(Outcome outcome, String detail) {
        return new NotSent(RowResult.notSent(outcome, detail));
    }
}
