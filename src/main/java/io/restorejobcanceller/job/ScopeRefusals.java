package io.restorejobcanceller.job;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restorejobcanceller.atlas.CancellationTarget;
import io.restorejobcanceller.input.CheckedRow;
import io.restorejobcanceller.sending.RowResult;
import io.restorejobcanceller.sending.RefusedScope;

/**
 * The projects and clusters Atlas refused as a whole in this execution (404 GROUP_NOT_FOUND, 401 NOT_IN_GROUP,
 * 404 CLUSTER_NOT_FOUND...), and those the guard does not allow: every later row of one of them is REJECTED with the
 * same error code without a request ({@link RowDecision}), and the refusal counts once against the skip limit.
 */
final class ScopeRefusals {

    private final Map<String, RowDecision.Refusal> projects = new ConcurrentHashMap<>();
    private final Map<String, RowDecision.Refusal> clusters = new ConcurrentHashMap<>();

    /** Notes the refusal of a row's scope; {@code true} when that scope had not been refused before. */
    synchronized boolean note(CheckedRow row, RowResult result) {
        RefusedScope scope = result.refusedScope();
        if (refusalOf(row.target()) != null) {
            return false;
        }
        (scope.clusterName() == null ? projects : clusters).put(key(scope.groupId(), scope.clusterName()),
                new RowDecision.Refusal(scope, row.lineNumber(), result.errorCode(), result.detail()));
        return true;
    }

    /** The refusal of the target's project or cluster, or {@code null}. */
    RowDecision.Refusal refusalOf(CancellationTarget target) {
        RowDecision.Refusal project = projects.get(key(target.groupId(), null));
        return project != null ? project : clusters.get(key(target.groupId(), target.clusterName()));
    }

    private static String key(String groupId, String clusterName) {
        return clusterName == null ? groupId : groupId + "/" + clusterName;
    }
}
