package dev.luna.rag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddingTextTest {
    @Test
    void identifiersBecomeWords() {
        assertThat(EmbeddingText.words("parseHttpHeader")).isEqualTo("parse http header");
        assertThat(EmbeddingText.words("HTTPServer.getURLPath")).isEqualTo("http server get url path");
        assertThat(EmbeddingText.words("MAX_RETRY_COUNT")).isEqualTo("max retry count");
        assertThat(EmbeddingText.words("org/apache/commons/lang3/StringUtils")).isEqualTo("org apache commons lang 3 string utils");
    }

    @Test
    void theWordsComeBeforeTheCodeWhichIsKeptWhole() {
        var chunk = new Chunk("c1", "src/main/java/com/acme/HttpHeaders.java", "java", "HttpHeaders.parseHttpHeader", "method", 10, 14,
                "public static Header parseHttpHeader(String line) {\n    return Header.of(line);\n}", "h", 20);
        String text = EmbeddingText.of(chunk);
        assertThat(text).startsWith("src main java com acme http headers\nhttp headers parse http header\n");
        assertThat(text).endsWith(chunk.content());
    }

    @Test
    void aChunkWithoutASymbolHasOnlyItsPathInWords() {
        var chunk = new Chunk("c2", "README.md", "markdown", null, "section", 1, 3, "# Title\n\nText.", "h", 5);
        assertThat(EmbeddingText.of(chunk)).isEqualTo("readme\n# Title\n\nText.");
    }
}
