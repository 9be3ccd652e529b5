package io.restorejobcanceller.atlas;

/** One DELETE, one answer: what sending needs of Atlas ({@link AtlasBackupApi}; a lambda in unit tests). */
@FunctionalInterface
public interface RestoreJobCancellation {

    /**
     * @return the 2xx answer
     * @throws AtlasApiException any other status
     * @throws AtlasUnreachableException no answer came
     */
    AtlasAnswer cancelRestoreJob(CancellationTarget target);
}
