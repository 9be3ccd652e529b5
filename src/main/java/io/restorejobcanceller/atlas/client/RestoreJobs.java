package io.restorejobcanceller.atlas.client;

import io.restorejobcanceller.atlas.AtlasAnswer;
import io.restorejobcanceller.atlas.AtlasApiException;
import io.restorejobcanceller.atlas.AtlasUnreachableException;
import io.restorejobcanceller.atlas.CancellationTarget;
import io.restorejobcanceller.atlas.RestoreJobState;

/** What sending needs of Atlas: a restore job's DELETE and GET, each one answer ({@link AtlasRestoreJobs}; scripted in unit tests). */
public interface RestoreJobs {

    /**
     * @return the 2xx answer
     * @throws AtlasApiException any other status
     * @throws AtlasUnreachableException no answer came
     */
    AtlasAnswer cancelRestoreJob(CancellationTarget target);

    /**
     * @return the restore job's state, read with {@code GET} (for {@code --check-first})
     * @throws AtlasApiException any other status than 2xx
     * @throws AtlasUnreachableException no answer came
     */
    RestoreJobState restoreJob(CancellationTarget target);

    /** Where the requests go and as whom, for the line that says the credentials were refused. */
    default String destination() {
        return "Atlas";
    }
}
