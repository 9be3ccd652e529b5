package io.restorejobcanceller.job;

import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Memory across runs and the guards on H2. */
class MemoryAndGuardsTest extends MemoryAndGuardsContract {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @Override
    protected CancellerHarness canceller() {
        return canceller;
    }
}
