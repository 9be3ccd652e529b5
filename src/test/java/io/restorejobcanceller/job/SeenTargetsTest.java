package io.restorejobcanceller.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.restorejobcanceller.atlas.CancellationTarget;
import org.junit.jupiter.api.Test;

class SeenTargetsTest {

    @Test
    void remembersEveryFingerprintAcrossGrowth() {
        SeenTargets seen = new SeenTargets();
        for (long i = 0; i < 100_000; i++) {
            assertThat(seen.add(i * 7919)).isTrue();
        }
        for (long i = 0; i < 100_000; i++) {
            assertThat(seen.add(i * 7919)).isFalse();
        }
    }

    @Test
    void fingerprintsTellTheThreePartsApart() {
        long a = SeenTargets.fingerprint(new CancellationTarget("aa", "b", "c"));
        long b = SeenTargets.fingerprint(new CancellationTarget("a", "ab", "c"));
        assertThat(a).isNotEqualTo(b);
        assertThat(SeenTargets.fingerprint(new CancellationTarget("aa", "b", "c"))).isEqualTo(a);
    }
}
