package dev.luna.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Optimisation savings in the usage table: atomic per-day sums, read back over any date range (across months). */
class OptimizationSavingsIT {
    static final Dynamo dynamo = new Dynamo();
    final OptimizationSavings savings = new OptimizationSavings(dynamo.aws);

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    @Test
    void savingsAddUpPerDayAndAreSummedOverTheRange() {
        savings.record("prj_a", Instant.parse("2026-10-31T23:59:00Z"), 1000, 400);
        savings.record("prj_a", Instant.parse("2026-11-01T00:01:00Z"), 500, 300);
        savings.record("prj_a", Instant.parse("2026-11-01T12:00:00Z"), 100, 100);
        savings.record("prj_a", Instant.parse("2026-11-03T12:00:00Z"), 80, 20);
        savings.record("prj_b", Instant.parse("2026-11-01T12:00:00Z"), 999, 1);

        assertThat(savings.between("prj_a", LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-30")))
                .isEqualTo(new OptimizationSavings.Totals(4, 1680, 820, 860));
        assertThat(savings.between("prj_a", LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-02")))
                .isEqualTo(new OptimizationSavings.Totals(2, 600, 400, 200));
        assertThat(savings.between("prj_a", LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31"))).isEqualTo(OptimizationSavings.Totals.NONE);
        assertThat(savings.between("prj_b", LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-01")).tokensSaved()).isEqualTo(998);
    }

    @Test
    void aGrowthIsNotCountedAsNegativeSavings() {
        savings.record("prj_c", Instant.parse("2026-11-05T10:00:00Z"), 10, 12);
        assertThat(savings.between("prj_c", LocalDate.parse("2026-11-05"), LocalDate.parse("2026-11-05")))
                .isEqualTo(new OptimizationSavings.Totals(1, 10, 12, 0));
        assertThatThrownBy(() -> savings.record(" ", Instant.now(), 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> savings.record("prj_c", Instant.now(), -1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
