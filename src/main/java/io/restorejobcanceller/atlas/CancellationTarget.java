package io.restorejobcanceller.atlas;

/** A validated restore job to cancel: safe to put into the DELETE path. */
public record CancellationTarget(String groupId, String clusterName, String restoreJobId) {

    @Override
    public String toString() {
        return groupId + "/" + clusterName + "/" + restoreJobId;
    }
}
