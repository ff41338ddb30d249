package dev.luna.codebase.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsLexerTest {
    private static List<String> texts(String src) {
        return JsLexer.tokens(src).stream().map(t -> t.kind() + ":" + t.text()).toList();
    }

    @Test
    void commentsAreSkippedAndStringsUnquoted() {
        assertThat(texts("a /* b */ // c\n 'd\\'e' \"f\"")).containsExactly("IDENT:a", "STRING:d'e", "STRING:f");
    }

    @Test
    void templateSubstitutionsAreLexedAsCode() {
        assertThat(texts("`x${ require('y') + `in${z}` }w`")).containsExactly("TEMPLATE:x${", "IDENT:require", "PUNCT:(", "STRING:y",
                "PUNCT:)", "PUNCT:+", "TEMPLATE:in${", "IDENT:z", "TEMPLATE:", "TEMPLATE:w");
    }

    @Test
    void regexLiteralsAreToldFromDivision() {
        assertThat(texts("x = a / b / c; y = /'[/]\"/g.test(s); return /\\//;")).containsExactly("IDENT:x", "PUNCT:=", "IDENT:a", "PUNCT:/",
                "IDENT:b", "PUNCT:/", "IDENT:c", "PUNCT:;", "IDENT:y", "PUNCT:=", "REGEX:/'[/]\"/g", "PUNCT:.", "IDENT:test", "PUNCT:(",
                "IDENT:s", "PUNCT:)", "PUNCT:;", "IDENT:return", "REGEX:/\\//", "PUNCT:;");
    }

    @Test
    void linesAreCountedThroughCommentsAndTemplates() {
        var tokens = JsLexer.tokens("/*\n\n*/ a\n`\n\n` b");
        assertThat(tokens.get(0).line()).isEqualTo(3);
        assertThat(tokens.get(2).line()).isEqualTo(6);
    }

    @Test
    void unterminatedInputEndsQuietly() {
        assertThat(texts("'abc\nd")).containsExactly("STRING:abc", "IDENT:d");
        assertThat(texts("`never closed ${")).isNotEmpty();
        assertThat(texts("/* open")).isEmpty();
    }
}
