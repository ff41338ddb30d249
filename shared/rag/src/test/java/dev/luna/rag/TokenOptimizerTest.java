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

    private static final String RANGE = """
                /**
                 * Whether a value lies in a range, bounds included. Throws when the range is empty.
                 * @param value the value
                 */
                static boolean within(int value, int low, int high) {
                    if (low > high) {
                        throw new IllegalArgumentException("empty range " + low + ".." + high);
                    }
                    return value >= low && value <= high;
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
                new TokenOptimizer.Item("b", "B.java", null, RANGE, 0.1));
        var result = optimizer.optimize(new TokenOptimizer.Input(null, items, 80, 0.5));
        assertThat(result.strategies()).extracting(TokenOptimizer.Step::strategy).contains("signature-only").doesNotContain("near-duplicates");
        assertThat(result.contexts().get(1).content())
                .isEqualTo("// Whether a value lies in a range, bounds included.\nstatic boolean within(int value, int low, int high) { … }");
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

    private static TokenOptimizer.Item item(String id, String path, String content, double relevance) {
        return new TokenOptimizer.Item(id, path, null, content, relevance);
    }

    @Test
    void javaTextBlocksAndStringsKeepTheirCommentsIndentationAndBlankLines() {
        String java = """
                class Sql {
                        // the query
                        String query() {
                                return \"""
                                    SELECT *   \\s
                                        FROM t  -- // not a comment


                                    /* nor this */ WHERE id = ?
                                    \""";   // done
                        }
                        char slash = '/'; String url = "http://example.com/*x*/"; // trailing
                }
                """;
        String out = WhitespaceReducer.whitespace(CodeStripping.stripComments(java, "java"), "java");
        assertThat(out).isEqualTo("""
                class Sql {
                 String query() {
                  return \"""
                                    SELECT *   \\s
                                        FROM t  -- // not a comment


                                    /* nor this */ WHERE id = ?
                                    \""";
                 }
                 char slash = '/'; String url = "http://example.com/*x*/";
                }""");
    }

    @Test
    void javaScriptTemplateLiteralsAndRegularExpressionsAreNotComments() {
        String js = """
                function render(items) {
                    // header
                    const re = /\\/\\/|'/g;   /* block
                       comment */
                    return `<ul>
                      // ${items.length} items


                    </ul>`.replace(re, '"'); // end
                }
                """;
        String out = WhitespaceReducer.whitespace(CodeStripping.stripComments(js, "javascript"), "javascript");
        assertThat(out).isEqualTo("""
                function render(items) {
                 const re = /\\/\\/|'/g;
                 return `<ul>
                      // ${items.length} items


                    </ul>`.replace(re, '"');
                }""");
    }

    @Test
    void pythonDocstringsWithApostrophesAndHashesStayWhole() {
        String py = """
                    def greet(name):   # say hello
                        \"""Don't # strip this.

                        It's a docstring.\"""
                        return f"#{name}"  # trailing


                    def other():
                        return 'it''s'
                """;
        var result = optimizer.optimize(new TokenOptimizer.Input(null, List.of(item("p", "m.py", py, 1.0)), null, null));
        assertThat(result.contexts().get(0).content()).isEqualTo("""
                def greet(name):
                    \"""Don't # strip this.

                        It's a docstring.\"""
                    return f"#{name}"

                def other():
                    return 'it''s'""");
    }

    @Test
    void compilerDirectivesAreNotComments() {
        String go = "//go:build linux\n\npackage web\n\n//go:embed static/*\nvar files embed.FS // the assets\n";
        assertThat(CodeStripping.stripComments(go, "go")).isEqualTo("//go:build linux\n\npackage web\n\n//go:embed static/*\nvar files embed.FS \n");
        String py = "#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n# plain\nx = []  # type: List[int]\n";
        assertThat(CodeStripping.stripComments(py, "python")).isEqualTo("#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\nx = []  # type: List[int]\n");
    }

    @Test
    void whitespaceIsIdempotentAndKeepsNesting() {
        String java = "    int f(int x) {\n        if (x > 0) {\n            return x;\n        }\n        return -x;\n    }\n";
        String once = WhitespaceReducer.whitespace(java, "java");
        assertThat(once).isEqualTo("int f(int x) {\n if (x > 0) {\n  return x;\n }\n return -x;\n}");
        assertThat(WhitespaceReducer.whitespace(once, "java")).isEqualTo(once);
        String py = "    def f(self):\n        if self.x:\n            return 1\n";
        assertThat(WhitespaceReducer.whitespace(py, "python")).isEqualTo("def f(self):\n    if self.x:\n        return 1");
    }

    @Test
    void overloadsInOneFileKeepOneBody() {
        String bytes = "public static byte[] removeElement(final byte[] array, final byte element) {\n"
                + "    final int index = indexOf(array, element);\n    return index == INDEX_NOT_FOUND ? clone(array) : remove(array, index);\n}\n";
        String chars = bytes.replace("byte", "char");
        String other = "public static int indexOf(final byte[] array, final byte valueToFind) {\n    return indexOf(array, valueToFind, 0);\n}\n";
        var result = optimizer.optimize(new TokenOptimizer.Input(null, List.of(item("b", "ArrayUtils.java", bytes, 0.9),
                item("c", "ArrayUtils.java", chars, 0.8), item("c2", "CharUtils.java", chars.replace("index", "found"), 0.8), item("i", "ArrayUtils.java", other, 0.7)), null, 0.0));
        assertThat(result.strategies()).extracting(TokenOptimizer.Step::strategy).contains("near-duplicates").doesNotContain("signature-only");
        var out = result.contexts();
        assertThat(out.get(0).content()).contains("remove(array, index);");
        assertThat(out.get(1).content()).isEqualTo("public static char[] removeElement(final char[] array, final char element) { … }");
        // the same body in another file is not an overload, and not similar enough to count as a copy
        assertThat(out.get(2).content()).contains("remove(array, found);");
        assertThat(out.get(3).content()).contains("return indexOf(array, valueToFind, 0);");
        assertThat(LexicalSimilarity.similarity(bytes, bytes)).isEqualTo(1.0);
        assertThat(LexicalSimilarity.declaredName(bytes, "java")).isEqualTo("removeElement");
        assertThat(LexicalSimilarity.declaredName("def load(path, *, strict=False):\n    return open(path)", "python")).isEqualTo("load");
        assertThat(LexicalSimilarity.declaredName("export async function fetchAll<T>(urls) {\n  return urls;\n}", "typescript")).isEqualTo("fetchAll");
    }

    @Test
    void aContextInsideAnotherIsDroppedAndTheContainerInheritsItsRelevance() {
        String method = "int twice(int x) {\n    return 2 * x;\n}";
        String type = "class M {\n    " + method.replace("\n", "\n    ") + "\n\n    int thrice(int x) {\n        return 3 * x;\n    }\n}";
        var result = optimizer.optimize(new TokenOptimizer.Input(null, List.of(item("t", "M.java", type, 0.2), item("m", "M.java", method, 0.9)), null, 0.5));
        assertThat(result.strategies()).extracting(TokenOptimizer.Step::strategy).contains("contained").doesNotContain("signature-only");
        assertThat(result.contexts()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("t");
            assertThat(c.relevanceScore()).isEqualTo(0.9);
            assertThat(c.content()).contains("return 2 * x;").contains("return 3 * x;");
        });
    }

    @Test
    void largeContextsNeedMoreRelevanceToStayWhole() {
        assertThat(TokenOptimizer.weighedRelevance(0.6, TokenOptimizer.REFERENCE_SAVING)).isEqualTo(0.6);
        assertThat(TokenOptimizer.weighedRelevance(0.6, 800)).isLessThan(0.5);
        assertThat(TokenOptimizer.weighedRelevance(0.45, 20)).isGreaterThan(0.5);
        var body = new StringBuilder("static int big(int x) {\n");
        for (int k = 0; k < 120; k++) body.append("    x = x * ").append(k + 3).append(" + helper").append(k).append("(x);\n");
        body.append("    return x;\n}\n");
        String small = "static int small(int x) {\n    return x + 1;\n}\n";
        var result = optimizer.optimize(new TokenOptimizer.Input(null, List.of(item("big", "A.java", body.toString(), 0.6),
                item("small", "B.java", small, 0.45)), null, 0.5));
        assertThat(result.contexts().get(0).content()).isEqualTo("static int big(int x) { … }");
        assertThat(result.contexts().get(1).content()).contains("return x + 1;");
    }

    @Test
    void signatureOnlyRenderingsPerLanguage() {
        String py = """
                @lru_cache(maxsize=None)
                def parse(text: str,
                          strict: bool = False) -> Tree:
                    \"""Parses text into a tree. Raises on bad input.\"""
                    if strict:
                        return _strict(text)
                    return _lenient(text, "a very long literal that says nothing of interest whatsoever")
                """;
        assertThat(SignatureRenderer.signatureOnly(py, py, "python")).isEqualTo("""
                # Parses text into a tree.
                @lru_cache(maxsize=None)
                def parse(text: str,
                          strict: bool = False) -> Tree: ...""");
        String ts = """
                /** Loads a user by id. Cached for a minute. */
                export class Users {
                  private readonly base = "https://users.internal.example.com/api/v2/accounts/lookup";
                  async byId(id: string): Promise<User> {
                    const r = await fetch(`${this.base}/${id}`); // { not a brace
                    return r.json();
                  }
                }
                """;
        assertThat(SignatureRenderer.signatureOnly(ts, CodeStripping.stripComments(ts, "typescript"), "typescript")).isEqualTo("""
                // Loads a user by id.
                export class Users {
                 private readonly base = "https://users.internal.example.com/api/…";
                 async byId(id: string): Promise<User> { … }
                }""");
    }
}
