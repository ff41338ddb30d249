package dev.luna.rag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeLexerTest {
    /** One letter per character of the snippet: x code, s string literal, c comment. */
    private static String classes(String code, String language) {
        byte[] k = CodeLexer.classify(code, language);
        var sb = new StringBuilder();
        for (byte b : k) sb.append(b == CodeLexer.CODE ? 'x' : b == CodeLexer.STRING ? 's' : 'c');
        return sb.toString();
    }

    @Test
    void javaCharLiteralsStringsAndComments() {
        String java = "c = '\"'; s = \"/*\"; // x\n";
        assertThat(classes(java, "java")).isEqualTo("xxxxsssxxxxxxssssxxccccx");
        assertThat(classes("char q = '\\'';", "java")).isEqualTo("xxxxxxxxxssssx");
    }

    @Test
    void kotlinSwiftAndRustBlockCommentsNest() {
        String kotlin = "/* a /* b */ c */ val x = 1";
        assertThat(classes(kotlin, "kotlin")).startsWith("c".repeat(17)).endsWith("x".repeat(10));
        // Java block comments do not nest: the first */ ends it
        assertThat(classes(kotlin, "java")).startsWith("c".repeat(12) + "x");
    }

    @Test
    void rustLifetimesAreCodeAndDoNotHideAStringsComment() {
        String rust = "fn f<'a>(x: &'a str) -> &'a str { let s = \"it's // here\"; x }";
        String k = classes(rust, "rust");
        int at = rust.indexOf("\"it's");
        assertThat(k.substring(0, at)).doesNotContain("s").doesNotContain("c");
        assertThat(k.substring(at, at + 14)).isEqualTo("s".repeat(14));
    }

    @Test
    void goRawStringsSpanLinesWithoutEscapes() {
        String go = "var re = `^a\\d+\n// not a comment`\n// comment";
        String k = classes(go, "go");
        assertThat(k.substring(9, go.indexOf('`', 10) + 1)).matches("s+");
        assertThat(k.substring(go.lastIndexOf("//"))).matches("c+");
    }

    @Test
    void javaScriptDivisionIsNotARegularExpression() {
        String js = "const half = total / 2; // half\nconst re = /a\\/b/g;";
        String k = classes(js, "javascript");
        assertThat(k.substring(0, js.indexOf("//"))).doesNotContain("s");
        int re = js.indexOf("/a");
        assertThat(k.substring(re, re + 7)).isEqualTo("sssssss");
    }

    @Test
    void pythonTripleQuotedStringsHoldQuotesAndHashes() {
        String py = "x = '''it's # not a comment'''  # comment";
        String k = classes(py, "python");
        assertThat(k.substring(4, 30)).isEqualTo("s".repeat(26));
        assertThat(k.substring(py.lastIndexOf('#'))).matches("c+");
    }
}
