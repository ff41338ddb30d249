package dev.luna.sources;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a file's bytes are text: binary when a NUL byte occurs in the first {@value #PROBE_BYTES} bytes (git's
 * own rule), UTF-8 text when they decode strictly, and otherwise text in some other charset (decoded here as
 * ISO-8859-1, which maps every byte to a character, so nothing is lost and line numbers stay the same).
 */
public final class TextContent {
    public static final int PROBE_BYTES = 8000;

    private TextContent() {
    }

    /** What the bytes are. */
    public sealed interface Decoded permits Utf8, NotUtf8, Binary {
    }

    /** Valid UTF-8 (a BOM, if any, is kept). */
    public record Utf8(String text) implements Decoded {
    }

    /** Not valid UTF-8; {@code latin1} is the bytes decoded as ISO-8859-1. */
    public record NotUtf8(String latin1) implements Decoded {
    }

    public record Binary() implements Decoded {
    }

    public static Decoded decode(byte[] bytes) {
        int probe = Math.min(bytes.length, PROBE_BYTES);
        for (int i = 0; i < probe; i++) {
            if (bytes[i] == 0) return new Binary();
        }
        try {
            return new Utf8(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return new NotUtf8(new String(bytes, StandardCharsets.ISO_8859_1));
        }
    }
}
