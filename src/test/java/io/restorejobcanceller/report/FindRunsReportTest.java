package io.restorejobcanceller.report;

import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The finds beside the runs on H2. */
class FindRunsReportTest extends FindRunsReportContract {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @Override
    protected CancellerHarness canceller() {
        return canceller;
    }
}
