package io.restorejobcanceller.postgres;

import io.restorejobcanceller.job.MemoryAndGuardsContract;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Memory across runs and the guards on PostgreSQL. */
class PostgresMemoryAndGuardsTest extends MemoryAndGuardsContract {

    @RegisterExtension
    static final CancellerHarness canceller = CancellerHarness.onPostgres();

    @Override
    protected CancellerHarness canceller() {
        return canceller;
    }
}
