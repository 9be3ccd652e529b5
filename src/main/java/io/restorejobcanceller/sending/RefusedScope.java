package io.restorejobcanceller.sending;

import io.restorejobcanceller.atlas.CancellationTarget;

/** A project, or one cluster of a project, that Atlas refused as a whole: no other row of it is sent. */
public record RefusedScope(String groupId, String clusterName) {

    static RefusedScope project(CancellationTarget target) {
        return new RefusedScope(target.groupId(), null);
    }

    static RefusedScope cluster(CancellationTarget target) {
        return new RefusedScope(target.groupId(), target.clusterName());
    }

    @Override
    public String toString() {
        return clusterName == null ? "project " + groupId : "cluster " + clusterName + " of project " + groupId;
    }
}
