package dev.luna.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RetrySettingsTest {
    private final RetrySettings policy = new RetrySettings(5, 1_000, 2.0, 5_000);

    @Test
    void theCeilingGrowsExponentiallyUpToTheMaximum() {
        assertThat(policy.ceilingMs(1)).isEqualTo(1_000);
        assertThat(policy.ceilingMs(2)).isEqualTo(2_000);
        assertThat(policy.ceilingMs(3)).isEqualTo(4_000);
        assertThat(policy.ceilingMs(4)).isEqualTo(5_000);
        assertThat(policy.ceilingMs(10)).isEqualTo(5_000);
    }

    @Test
    void delaysAreJitteredWithinTheCeiling() {
        var random = new Random(42);
        long min = Long.MAX_VALUE, max = 0;
        for (int i = 0; i < 2_000; i++) {
            long d = policy.backoff(3, random).toMillis();
            assertThat(d).isBetween(0L, 4_000L);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertThat(min).as("full jitter reaches low delays").isLessThan(400);
        assertThat(max).as("and high ones").isGreaterThan(3_600);
    }

    @Test
    void aZeroDelayPolicyRetriesAtOnce() {
        assertThat(new RetrySettings(3, 0, 2.0, 0).backoff(2, new Random()).toMillis()).isZero();
    }
}
