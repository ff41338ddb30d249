package dev.luna.store;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque pagination cursors: a DynamoDB key of string attributes, encoded as base64url text. Decoding checks
 * the shape (exactly the expected attributes) and, when given, the partition the cursor must belong to, so a
 * cursor from another list or a tampered one is a clear {@code INVALID_CURSOR}, never a server error.
 */
public final class Cursor {
    private static final String BEFORE = "<\n";
    private Cursor() {
    }

    public static String encode(Map<String, AttributeValue> key) {
        if (key == null || key.isEmpty()) return null;
        var sb = new StringBuilder();
        key.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!sb.isEmpty()) sb.append('\n');
            sb.append(e.getKey()).append('=').append(e.getValue().s());
        });
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor that reads the items right before {@code key} (a list's {@code links.prev}). */
    public static String encodeBefore(Map<String, AttributeValue> key) {
        if (key == null || key.isEmpty()) return null;
        String after = encode(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (BEFORE + new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    /** Where a list resumes: after {@code key} ({@code links.next}) or before it ({@code links.prev}). */
    public record Position(Map<String, AttributeValue> key, boolean before) {
    }

    /** Decodes a cursor of either direction (see {@link #decode} for the checks); null for no cursor. */
    public static Position position(String cursor, Set<String> expectedAttributes, String partitionAttribute, String expectedPartition) {
        if (cursor == null || cursor.isEmpty()) return null;
        String text = text(cursor);
        boolean before = text.startsWith(BEFORE);
        return new Position(key(before ? text.substring(BEFORE.length()) : text, expectedAttributes, partitionAttribute, expectedPartition), before);
    }

    /** Decodes a {@code links.next} cursor: null for none, else the key it resumes after. */
    public static Map<String, AttributeValue> decode(String cursor, Set<String> expectedAttributes,
                                                     String partitionAttribute, String expectedPartition) {
        if (cursor == null || cursor.isEmpty()) return null;
        return key(text(cursor), expectedAttributes, partitionAttribute, expectedPartition);
    }

    private static String text(String cursor) {
        try {
            if (cursor.length() > 2048) throw new IllegalArgumentException("too long");
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static Map<String, AttributeValue> key(String text, Set<String> expectedAttributes, String partitionAttribute,
                                                   String expectedPartition) {
        try {
            var key = new LinkedHashMap<String, AttributeValue>();
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq <= 0) throw new IllegalArgumentException("bad entry");
                key.put(line.substring(0, eq), AttributeValue.fromS(line.substring(eq + 1)));
            }
            if (!key.keySet().equals(expectedAttributes)) throw new IllegalArgumentException("bad attributes");
            if (partitionAttribute != null && !expectedPartition.equals(key.get(partitionAttribute).s())) {
                throw new IllegalArgumentException("other partition");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static LunaException invalid() {
        return new LunaException(ErrorCode.INVALID_CURSOR,
                "Invalid field 'cursor': not a cursor returned by this list (use links.next or links.prev as given)");
    }
}
