package io.restorejobcanceller.postgres;

import io.restorejobcanceller.report.ReportSelectionContract;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The report selections and groupings on PostgreSQL. */
class PostgresReportSelectionTest extends ReportSelectionContract {

    @RegisterExtension
    static final CancellerHarness canceller = CancellerHarness.onPostgres();

    @Override
    protected CancellerHarness canceller() {
        return canceller;
    }
}
