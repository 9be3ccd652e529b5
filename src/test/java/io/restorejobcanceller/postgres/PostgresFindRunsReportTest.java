package io.restorejobcanceller.postgres;

import io.restorejobcanceller.report.FindRunsReportContract;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The finds beside the runs on PostgreSQL. */
class PostgresFindRunsReportTest extends FindRunsReportContract {

    @RegisterExtension
    static final CancellerHarness canceller = CancellerHarness.onPostgres();

    @Override
    protected CancellerHarness canceller() {
        return canceller;
    }
}
