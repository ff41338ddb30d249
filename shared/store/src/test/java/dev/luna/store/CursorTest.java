package dev.luna.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorTest {
    private static final Set<String> ATTRS = Set.of("pk", "sk");

    @Test
    void roundTrips() {
        var key = Map.of("pk", AttributeValue.fromS("AGENT#a=b"), "sk", AttributeValue.fromS("V#000001"));
        String cursor = Cursor.encode(key);
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(Cursor.decode(cursor, ATTRS, "pk", "AGENT#a=b")).isEqualTo(key);
        assertThat(Cursor.encode(null)).isNull();
        assertThat(Cursor.decode(null, ATTRS, null, null)).isNull();
    }

    @Test
    void rejectsForeignAndTamperedCursors() {
        String other = Cursor.encode(Map.of("pk", AttributeValue.fromS("AGENT#other"), "sk", AttributeValue.fromS("HEAD")));
        for (String bad : new String[] {"%%%", "abc", other, Base64.getUrlEncoder().encodeToString("pk=x\nzz=y".getBytes()),
                "A".repeat(5000)}) {
            assertThatThrownBy(() -> Cursor.decode(bad, ATTRS, "pk", "AGENT#mine")).as(bad.substring(0, Math.min(20, bad.length())))
                    .isInstanceOfSatisfying(LunaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURSOR));
        }
    }
}
