package dev.luna.workers.design;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The worker's own check finds what would break the real parsers, and the escaping leaves it nothing to find. */
class SelfCheckTest {
    @Test
    void brokenMermaidIsFound() {
        assertThat(SelfCheck.mermaid("a.mmd", "graph TD\n")).anyMatch(p -> p.contains("unknown diagram type"));
        assertThat(SelfCheck.mermaid("a.mmd", "C4Context\n  System(s, \"a\"b\")\n")).anyMatch(p -> p.contains("unbalanced quotes"));
        assertThat(SelfCheck.mermaid("a.mmd", "C4Context\n  System(s, \"a\")\n  Rel(s, t, \"x\")\n")).anyMatch(p -> p.contains("'t' is used but not declared"));
        assertThat(SelfCheck.mermaid("a.mmd", "C4Container\n  System_Boundary(b, \"x\") {\n")).anyMatch(p -> p.contains("unbalanced braces"));
        assertThat(SelfCheck.mermaid("a.mmd", "sequenceDiagram\n  title a; b\n")).anyMatch(p -> p.contains("title"));
        assertThat(SelfCheck.mermaid("a.mmd", "C4Context\n  System(s, \"{{name}}\")\n")).anyMatch(p -> p.contains("unfilled template slot"));
        assertThat(SelfCheck.mermaid("a.mmd", "C4Context\n  System(s, \"a\")\n  Rel(s, s, \"x\")\n")).isEmpty();
    }

    @Test
    void brokenDslAndMarkdownAreFound() {
        assertThat(SelfCheck.dsl("w.dsl", "workspace {\n  model {\n    a = person \"A\"\n    a -> b \"x\"\n  }\n}\n"))
                .containsExactly("w.dsl:4: 'b' is used but not assigned");
        assertThat(SelfCheck.dsl("w.dsl", "workspace {\n")).contains("w.dsl: unbalanced braces");
        assertThat(SelfCheck.markdown("a.md", "```mermaid\nC4Context\n")).contains("a.md: an unclosed code fence");
    }

    @Test
    void labelsAndIdentifiersAreInert() {
        assertThat(Names.label("a\"b`c{d}[e]<f>;g#h%i|j\\k$l\nm")).isEqualTo("a'b'c(d)(e)(f)_g_h_i_j_k_l m");
        var names = new Names();
        assertThat(names.id("n", "end")).isEqualTo("n_end");
        assertThat(names.id("n", "e-n-d")).isEqualTo("n_e_n_d");
        assertThat(names.id("n", "e_n_d")).isEqualTo("n_e_n_d_2");
        assertThat(names.id("n", "end")).isEqualTo("n_end");
        assertThat(names.id("n", "\"; DROP")).matches("[A-Za-z][A-Za-z0-9_]*");
        assertThat(Names.slug("Über \"split\" the {{monolith}}!", 60)).isEqualTo("uber-split-the-monolith");
    }
}
