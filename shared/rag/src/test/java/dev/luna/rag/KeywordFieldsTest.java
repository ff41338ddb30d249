package dev.luna.rag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordFieldsTest {
    private static final String SOURCE = """
            package p;

            public class StringUtils {
                // a line comment stays out of the signature
                @Deprecated
                @SuppressWarnings("unchecked")
                public static boolean isEmpty(
                        final CharSequence cs) {
                    return cs == null || cs.length() == 0;
                }
            }
            """;

    @Test
    void aMembersNameIsTheLastSegmentOfItsSymbol() {
        var method = new Chunker().chunk("src/StringUtils.java", SOURCE).stream().filter(c -> "method".equals(c.kind())).findFirst().orElseThrow();
        assertThat(method.symbol()).isEqualTo("StringUtils.isEmpty");
        assertThat(KeywordFields.name(method)).isEqualTo("isEmpty");
        var section = new Chunk("s", "README.md", "markdown", "Guide > Install", "section", 1, 2, "# Install", "h", 2);
        assertThat(KeywordFields.name(section)).isEqualTo("Install");
        assertThat(KeywordFields.name(new Chunk("t", "a.txt", "text", null, "text", 1, 1, "x", "h", 1))).isNull();
    }

    @Test
    void theSignatureIsTheDeclarationWithoutCommentsAnnotationsOrBody() {
        var method = new Chunker().chunk("src/StringUtils.java", SOURCE).stream().filter(c -> "method".equals(c.kind())).findFirst().orElseThrow();
        assertThat(KeywordFields.signature(method)).isEqualTo("public static boolean isEmpty(\nfinal CharSequence cs) {\n");
        var python = new Chunk("py", "a.py", "python", "load", "function", 1, 3, "# loads it\ndef load(path):\n    return open(path)", "h", 9);
        assertThat(KeywordFields.signature(python)).isEqualTo("def load(path):\n");
        assertThat(KeywordFields.signature(new Chunk("md", "README.md", "markdown", "Intro", "section", 1, 1, "# Intro", "h", 2))).isNull();
    }

    @Test
    void queriesGainTheIdentifiersTheirAdjacentWordsSpell() {
        var analyzer = new IdentifierAnalyzer(true);
        var terms = KeywordFields.queryTerms(analyzer, "Checks if a CharSequence is empty", 0.5);
        assertThat(terms).containsEntry("empti", 1.0).containsEntry("charsequ", 1.0);
        assertThat(terms).containsEntry("isempti", 0.5); // "is empty" as isEmpty's whole-identifier term
        assertThat(terms).doesNotContainKey("is"); // still a stop word on its own
        assertThat(KeywordFields.queryTerms(analyzer, "Checks if a CharSequence is empty", 0)).doesNotContainKey("isempti");
        // the identifier terms of the index and the joined query words meet
        assertThat(KeywordFields.terms(analyzer, "isEmpty")).contains("isempti");
    }
}
