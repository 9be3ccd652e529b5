package io.restorejobcanceller.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import io.restorejobcanceller.input.CheckedRow;
import io.restorejobcanceller.input.InputRow;
import io.restorejobcanceller.outcome.Outcome;
import io.restorejobcanceller.sending.RowResult;
import io.restorejobcanceller.sending.RefusedScope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The row's decision table: one row per case, the first fact that applies wins. */
class RowDecisionTest {

    private static final String GROUP = "32b6e34b3d91647abb20e7b8";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case                                 | valid | earlier line | allowed | earlier run | refused | dry run | check first | decision
            "sent                                   | true  | false        | true    | false       | false   | false   | false       | send DELETE",
            "checked first                          | true  | false        | true    | false       | false   | false   | true        | send CHECK_THEN_DELETE",
            "dry run                                | true  | false        | true    | false       | false   | true    | false       | PLANNED: dry run: would send DELETE",
            "dry run, checked first                 | true  | false        | true    | false       | false   | true    | true        | send CHECK_ONLY",
            "invalid                                | false | false        | true    | false       | false   | false   | false       | INVALID: groupId is empty",
            "invalid before anything else           | false | true         | false   | true        | true    | true    | true        | INVALID: groupId is empty",
            "earlier line of the file               | true  | true         | true    | false       | false   | false   | false       | DUPLICATE: same target as line 2",
            "earlier line before the guard          | true  | true         | false   | true        | true    | true    | true        | DUPLICATE: same target as line 2",
            "project not allowed                    | true  | false        | false   | false       | false   | false   | false       | REJECTED PROJECT_NOT_ALLOWED (counts for project " + GROUP + "): not sent: project " + GROUP + " is not in canceller.guard.allowed-projects",
            "project not allowed before earlier run | true  | false        | false   | true        | true    | true    | true        | REJECTED PROJECT_NOT_ALLOWED (counts for project " + GROUP + "): not sent: project " + GROUP + " is not in canceller.guard.allowed-projects",
            "earlier run                            | true  | false        | true    | true        | false   | false   | false       | DUPLICATE: not sent: already CANCELLED by job execution 4 (/in/first.csv line 7, 2026-12-01T10:00:00Z); --resend-known sends it anyway",
            "earlier run before a refusal           | true  | false        | true    | true        | true    | true    | true        | DUPLICATE: not sent: already CANCELLED by job execution 4 (/in/first.csv line 7, 2026-12-01T10:00:00Z); --resend-known sends it anyway",
            "refused cluster                        | true  | false        | true    | false       | true    | false   | false       | REJECTED CLUSTER_NOT_FOUND: not sent: Atlas refused the cluster Cluster0 of project " + GROUP + " at line 3 (No cluster named Cluster0)",
            "refused cluster in a dry run           | true  | false        | true    | false       | true    | true    | true        | REJECTED CLUSTER_NOT_FOUND: not sent: Atlas refused the cluster Cluster0 of project " + GROUP + " at line 3 (No cluster named Cluster0)"})
    void decidesByTheFirstFactThatApplies(String name, boolean valid, boolean earlierLine, boolean allowed, boolean earlierRun,
                                          boolean refused, boolean dryRun, boolean checkFirst, String expected) {
        InputRow input = new InputRow(9, valid ? GROUP : "", "Cluster0", "65a1f0c2000000000000000a", null);
        CheckedRow row = valid ? CheckedRow.valid(input) : CheckedRow.invalid(input, "groupId is empty");
        var facts = new RowDecision.Facts(row, earlierLine ? 2L : null, allowed,
                earlierRun ? new RowDecision.EarlierRun(Outcome.CANCELLED, 4, "/in/first.csv", 7, OffsetDateTime.parse("2026-12-01T11:00:00+01:00")) : null,
                refused ? new RowDecision.Refusal(new RefusedScope(GROUP, "Cluster0"), 3, "CLUSTER_NOT_FOUND", "No cluster named Cluster0") : null,
                dryRun, checkFirst);

        assertThat(describe(RowDecision.decide(facts))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not refused meanwhile | false | send DELETE",
            "refused meanwhile     | true  | REJECTED CLUSTER_NOT_FOUND: not sent: Atlas refused the cluster Cluster0 of project " + GROUP + " at line 3 (No cluster named Cluster0)"})
    void aRowLeavingItsQueueIsDecidedAgainWithTheRefusalsKnownNow(String name, boolean refusedMeanwhile, String expected) {
        CheckedRow row = CheckedRow.valid(new InputRow(9, GROUP, "Cluster0", "65a1f0c2000000000000000a", null));
        var queued = new RowDecision.Facts(row, null, true, null, null, false, false);

        var now = queued.withRefusal(refusedMeanwhile
                ? new RowDecision.Refusal(new RefusedScope(GROUP, "Cluster0"), 3, "CLUSTER_NOT_FOUND", "No cluster named Cluster0") : null);

        assertThat(describe(RowDecision.decide(queued))).isEqualTo("send DELETE");
        assertThat(describe(RowDecision.decide(now))).isEqualTo(expected);
    }

    private static String describe(RowDecision.Decision decision) {
        if (decision instanceof RowDecision.Send send) {
            return "send " + send.requests();
        }
        RowResult result = ((RowDecision.NotSent) decision).result();
        assertThat(result.httpStatus()).isNull();
        assertThat(result.attempts()).isZero();
        return result.outcome() + (result.errorCode() == null ? "" : " " + result.errorCode())
                + (result.refusedScope() == null ? "" : " (counts for " + result.refusedScope() + ")") + ": " + result.detail();
    }
}
