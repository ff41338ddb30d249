package dev.luna.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenOptimizerTest {
    private final TokenOptimizer optimizer = new TokenOptimizer();
    private static final String JAVA = """
            /**
             * Computes the total price of an order, applying discounts.
             */
            public BigDecimal total(Order order) {
                    // sum every line
                    BigDecimal sum = BigDecimal.ZERO;
                    for (Line line : order.lines()) {
                            sum = sum.add(line.price()); /* no tax here */
                    }


                    return sum.subtract(order.discount("// not a comment"));
            }
            """;

    @Test
    void appliesSafeStrategiesFirstAndCountsWithTheRealTokenizer() {
        var result = optimizer.optimize(new TokenOptimizer.Input("Explain the total.", List.of(
                new TokenOptimizer.Item("a", "Order.java", null, JAVA, 0.9),
                new TokenOptimizer.Item("b", "Copy.java", null, JAVA, 0.2)), null, null));
        assertThat(result.tokensBefore()).isEqualTo(Tokens.count("Explain the total.") + 2 * Tokens.count(JAVA));
        assertThat(result.strategies()).extracting(TokenOptimizer.Step::strategy).containsExactly("dedupe", "whitespace", "comments");
        assertThat(result.contexts()).hasSize(1);
        String kept = result.contexts().get(0).content();
        assertThat(kept).doesNotContain("sum every line").doesNotContain("no tax here").doesNotContain("Computes the total")
                .contains("\"// not a comment\"").contains("sum = sum.add(line.price());");
        assertThat(result.tokensAfter()).isEqualTo(Tokens.count(result.prompt()) + Tokens.count(kept));
        assertThat(result.savingsRatio()).isGreaterThan(0.5);
        assertThat(result.tokenizer()).isEqualTo("cl100k_base");
    }

    @Test
    void signatureOnlyForLowRelevanceUntilTheTargetIsMet() {
        var items = List.of(new TokenOptimizer.Item("a", "A.java", null, JAVA, 0.9),
                new TokenOptimizer.Item("b", "B.java", null, JAVA.replace("total", "subtotal"), 0.1));
        var result = optimizer.optimize(new TokenOptimizer.Input(null, items, 80, 0.5));
        assertThat(result.strategies()).extracting(TokenOptimizer.Step::strategy).contains("signature-only");
        assertThat(result.contexts().get(1).content()).contains("public BigDecimal subtotal(Order order) { … }").doesNotContain("for (");
        assertThat(result.contexts().get(0).content()).contains("for (");
        assertThat(result.targetMet()).isEqualTo(result.tokensAfter() <= 80);
    }

    @Test
    void pythonIndentationIsKept() {
        String py = "def f(x):\n    # square it\n    return x * x   \n\n\n\ndef g():\n    return '#'\n";
        var result = optimizer.optimize(new TokenOptimizer.Input(null, List.of(new TokenOptimizer.Item("p", "m.py", null, py, 1.0)), null, null));
        assertThat(result.contexts().get(0).content()).isEqualTo("def f(x):\n    return x * x\n\ndef g():\n    return '#'");
    }
}
