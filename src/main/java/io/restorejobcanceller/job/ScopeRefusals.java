package io.restorejobcanceller.job;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.restorejobcanceller.atlas.CancellationTarget;
import io.restorejobcanceller.input.CheckedRow;
import io.restorejobcanceller.outcome.Outcome;
import io.restorejobcanceller.sending.RowResult;
import io.restorejobcanceller.sending.RefusedScope;

import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * The projects and clusters Atlas refused as a whole in this execution (404 GROUP_NOT_FOUND, 401 NOT_IN_GROUP,
 * 404 CLUSTER_NOT_FOUND...): every later row of one of them is REJECTED with the same error code without a DELETE,
 * and the refusal counts once against the skip limit. The other projects' rows go on.
 */
@Component
@Scope("step") // no proxy: the DELETE workers call it outside the step's thread
public class ScopeRefusals {

    private record Refusal(RefusedScope scope, long lineNumber, RowResult result) {
    }

    private final Map<String, Refusal> projects = new ConcurrentHashMap<>();
    private final Map<String, Refusal> clusters = new ConcurrentHashMap<>();

    /** Notes the refusal of a row's scope; {@code true} when that scope had not been refused before. */
    public synchronized boolean note(CheckedRow row, RowResult result) {
        RefusedScope scope = result.refusedScope();
        if (refusalCovering(row.target()) != null) {
            return false;
        }
        (scope.clusterName() == null ? projects : clusters).put(key(scope.groupId(), scope.clusterName()),
                new Refusal(scope, row.lineNumber(), result));
        return true;
    }

    /** The outcome of a row whose project or cluster was refused before, if so. */
    public Optional<RowResult> refusal(CheckedRow row) {
        Refusal refusal = refusalCovering(row.target());
        return Optional.ofNullable(refusal).map(r -> new RowResult(Outcome.REJECTED, null, r.result().errorCode(),
                "not sent: Atlas refused the " + r.scope() + " at line " + r.lineNumber() + " (" + r.result().detail() + ")", 0));
    }

    private Refusal refusalCovering(CancellationTarget target) {
        Refusal project = projects.get(key(target.groupId(), null));
        return project != null ? project : clusters.get(key(target.groupId(), target.clusterName()));
    }

    private static String key(String groupId, String clusterName) {
        return clusterName == null ? groupId : groupId + "/" + clusterName;
    }
}
