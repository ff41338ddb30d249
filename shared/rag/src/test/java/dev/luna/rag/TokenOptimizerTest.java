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
    void importsAndPackageLinesGoBeforeAnyBodyIsTouched() {
        String java = "package a.b;\n\nimport java.util.List;\nimport static java.util.Map.of;\n\nclass A {\n    List<String> xs() { return List.of(); }\n}\n";
        String ts = "import { x } from './x';\nimport './side-effect';\nconst fs = require('fs');\nexport function f() { return x; }\n";
        String py = "from os import path\nimport sys, re as regex\n\ndef f():\n    return path\n";
        String go = "package main\n\nimport (\n\t\"fmt\"\n)\n\nfunc main() {\n\tfmt.Println(1)\n}\n";
        var result = optimizer.optimize(new TokenOptimizer.Input(null, List.of(new TokenOptimizer.Item("j", "A.java", null, java, 1.0),
                new TokenOptimizer.Item("t", "f.ts", null, ts, 1.0), new TokenOptimizer.Item("p", "f.py", null, py, 1.0),
                new TokenOptimizer.Item("g", "main.go", null, go, 1.0)), 1, null));
        assertThat(result.strategies()).extracting(TokenOptimizer.Step::strategy).contains("imports").doesNotContain("signature-only");
        assertThat(result.contexts().get(0).content()).isEqualTo("class A {\n List<String> xs() { return List.of(); }\n}");
        assertThat(result.contexts().get(1).content()).isEqualTo("export function f() { return x; }");
        assertThat(result.contexts().get(2).content()).isEqualTo("def f():\n    return path");
        assertThat(result.contexts().get(3).content()).isEqualTo("package main\n\nfunc main() {\n fmt.Println(1)\n}");
    }

    @Test
    void pythonIndentationIsKept() {
        String py = "def f(x):\n    # square it\n    return x * x   \n\n\n\ndef g():\n    return '#'\n";
        var result = optimizer.optimize(new TokenOptimizer.Input(null, List.of(new TokenOptimizer.Item("p", "m.py", null, py, 1.0)), null, null));
        assertThat(result.contexts().get(0).content()).isEqualTo("def f(x):\n    return x * x\n\ndef g():\n    return '#'");
    }
}
