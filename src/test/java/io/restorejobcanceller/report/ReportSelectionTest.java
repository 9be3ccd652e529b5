package io.restorejobcanceller.report;

import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The report selections and groupings on H2. */
class ReportSelectionTest extends ReportSelectionContract {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @Override
    protected CancellerHarness canceller() {
        return canceller;
    }
}
