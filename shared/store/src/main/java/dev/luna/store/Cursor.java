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

    public static Map<String, AttributeValue> decode(String cursor, Set<String> expectedAttributes,
                                                     String partitionAttribute, String expectedPartition) {
        if (cursor == null || cursor.isEmpty()) return null;
        try {
            if (cursor.length() > 2048) throw new IllegalArgumentException("too long");
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
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
            throw new LunaException(ErrorCode.INVALID_CURSOR,
                    "Invalid field 'cursor': not a cursor returned by this list (use links.next as given)");
        }
    }
}
