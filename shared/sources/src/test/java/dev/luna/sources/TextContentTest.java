package dev.luna.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Binary by a NUL byte in the first 8,000 bytes, UTF-8 by a strict decode, anything else text in ISO-8859-1. */
class TextContentTest {
    @Test
    void textBinaryAndOtherCharsets() {
        assertThat(TextContent.decode("héllo\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(new TextContent.Utf8("héllo\n"));
        assertThat(TextContent.decode(new byte[0])).isEqualTo(new TextContent.Utf8(""));
        assertThat(TextContent.decode(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0})).isInstanceOf(TextContent.Binary.class);
        assertThat(TextContent.decode("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(new TextContent.NotUtf8("café"));
        assertThat(TextContent.decode("a\uD83D\uDE00".getBytes(StandardCharsets.UTF_16LE))).as("UTF-16 has NULs").isInstanceOf(TextContent.Binary.class);
        byte[] lateNul = new byte[TextContent.PROBE_BYTES + 10];
        java.util.Arrays.fill(lateNul, (byte) 'a');
        lateNul[TextContent.PROBE_BYTES + 5] = 0;
        assertThat(TextContent.decode(lateNul)).as("a NUL past the probe is text, as git says").isInstanceOf(TextContent.Utf8.class);
    }
}
