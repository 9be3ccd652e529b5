package io.restorejobcanceller.find;

/** A restore job seen, where it was seen, and why it is listed or left out. */
record Found(String groupId, String projectName, String clusterName, ListedRestoreJob job, Reason reason) {

    boolean listed() {
        return reason == Reason.LISTED;
    }
}
