package dev.luna.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PricesTest {
    final Prices sonnet = new Prices(new BigDecimal("3"), new BigDecimal("15"), new BigDecimal("0.30"), new BigDecimal("3.75"));

    @Test
    void costIsExactDecimal() {
        assertThat(sonnet.cost(new Usage(1, 0, 0, 0, false))).isEqualByComparingTo("0.000003");
        // one million cached tokens cost exactly the cached price, never a float approximation of it
        assertThat(sonnet.cost(new Usage(1_000_000, 1_000_000, 0, 0, false))).isEqualTo(new BigDecimal("0.3"));
        var nano = new Prices(new BigDecimal("0.05"), new BigDecimal("0.4"), new BigDecimal("0.005"), null);
        assertThat(nano.cost(new Usage(3, 3, 0, 0, false))).isEqualByComparingTo("0.000000015");
    }

    @Test
    void maxCostAssumesNoCacheAndEveryOutputToken() {
        assertThat(sonnet.maxCost(1000, 500)).isEqualByComparingTo("0.0105");
    }

    @Test
    void usageKeepsCachedWithinInput() {
        assertThat(new Usage(5, 10, 0, 1, false).inputTokens()).isEqualTo(10);
        assertThat(new Usage(10, 2, 3, 4, false).plus(new Usage(1, 1, 0, 1, true))).isEqualTo(new Usage(11, 3, 3, 5, true));
    }
}
