package dev.luna.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
    record Inner(Integer count, List<String> tags) {
    }

    record Outer(String name, Inner inner, Boolean flag) {
    }

    private static ValidationException invalid(String json) {
        try {
            Json.readRequest(json, Outer.class);
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("accepted " + json);
    }

    @Test
    void readsWellFormedBodies() {
        var o = Json.readRequest("{\"name\":\"a\",\"inner\":{\"count\":3,\"tags\":[\"x\"]},\"flag\":true}", Outer.class);
        assertThat(o).isEqualTo(new Outer("a", new Inner(3, List.of("x")), true));
    }

    @Test
    void namesTheFieldOfEveryKindOfMistake() {
        assertThat(invalid("{\"nope\":1}").violations().get(0).field()).isEqualTo("nope");
        assertThat(invalid("{\"inner\":{\"extra\":1}}").violations().get(0).field()).isEqualTo("inner.extra");
        assertThat(invalid("{\"inner\":{\"count\":\"3\"}}").violations().get(0).field()).isEqualTo("inner.count");
        assertThat(invalid("{\"name\":5}").violations().get(0).field()).isEqualTo("name");
        assertThat(invalid("{\"flag\":\"true\"}").violations().get(0).field()).isEqualTo("flag");
        assertThat(invalid("{\"inner\":{\"tags\":[1]}}").violations().get(0).field()).isEqualTo("inner.tags[0]");
        assertThat(invalid("{\"inner\":{\"count\":1.5}}").violations().get(0).field()).isEqualTo("inner.count");
    }

    @Test
    void malformedJsonIsItsOwnError() {
        for (String bad : new String[] {"{", "[]", "nul", "{\"name\":\"a\"} x", "", "null"}) {
            assertThatThrownBy(() -> Json.readRequest(bad, Outer.class)).as(bad)
                    .isInstanceOfSatisfying(LunaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON));
        }
    }

    @Test
    void writesWithoutNulls() {
        assertThat(Json.write(new Outer("a", null, null))).isEqualTo("{\"name\":\"a\"}");
    }
}
