package dev.luna.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.luna.core.Json;
import dev.luna.core.Violation;
import org.junit.jupiter.api.Test;

class JsonSchemaTest {
    private static final String SCHEMA = """
            {"type":"object","additionalProperties":false,"required":["repo","depth"],
             "properties":{
               "repo":{"type":"string","pattern":"^[a-z]+/[a-z]+$","maxLength":40},
               "depth":{"type":"integer","minimum":1,"maximum":5},
               "ratio":{"type":"number","exclusiveMinimum":0,"exclusiveMaximum":1},
               "mode":{"enum":["fast","deep"]},
               "tags":{"type":"array","maxItems":2,"items":{"type":"string","minLength":1}},
               "options":{"type":"object","additionalProperties":{"type":"boolean"}},
               "note":{"type":["string","null"]}}}
            """;

    private static java.util.List<String> fields(String payload) {
        return JsonSchema.validate(Json.tree(SCHEMA), Json.tree(payload), "payload").stream().map(Violation::field).toList();
    }

    @Test
    void aValidPayloadHasNoViolations() {
        assertThat(fields("{\"repo\":\"acme/app\",\"depth\":3,\"ratio\":0.5,\"mode\":\"deep\",\"tags\":[\"a\"],\"options\":{\"x\":true},\"note\":null}"))
                .isEmpty();
        assertThat(fields("{\"repo\":\"acme/app\",\"depth\":3.0}")).as("3.0 is an integer in JSON Schema").isEmpty();
    }

    @Test
    void everyViolationIsNamed() {
        assertThat(fields("{}")).containsExactlyInAnyOrder("payload.repo", "payload.depth");
        assertThat(fields("{\"repo\":\"Acme\",\"depth\":9}")).containsExactlyInAnyOrder("payload.repo", "payload.depth");
        assertThat(fields("{\"repo\":\"a/b\",\"depth\":1.5}")).containsExactly("payload.depth");
        assertThat(fields("{\"repo\":\"a/b\",\"depth\":1,\"ratio\":1}")).containsExactly("payload.ratio");
        assertThat(fields("{\"repo\":\"a/b\",\"depth\":1,\"mode\":\"slow\"}")).containsExactly("payload.mode");
        assertThat(fields("{\"repo\":\"a/b\",\"depth\":1,\"tags\":[\"\",\"b\",\"c\"]}")).containsExactlyInAnyOrder("payload.tags", "payload.tags[0]");
        assertThat(fields("{\"repo\":\"a/b\",\"depth\":1,\"options\":{\"x\":1}}")).containsExactly("payload.options.x");
        assertThat(fields("{\"repo\":\"a/b\",\"depth\":1,\"extra\":1}")).containsExactly("payload.extra");
        assertThat(fields("{\"repo\":\"a/b\",\"depth\":\"1\"}")).containsExactly("payload.depth");
        assertThat(fields("{\"repo\":\"a/b\",\"depth\":1,\"note\":3}")).containsExactly("payload.note");
    }

    @Test
    void unsupportedKeywordsAreRefusedAtRegistration() {
        assertThatThrownBy(() -> JsonSchema.check(Json.tree("{\"type\":\"object\",\"oneOf\":[]}"))).hasMessageContaining("oneOf");
        assertThatThrownBy(() -> JsonSchema.check(Json.tree("{\"properties\":{\"a\":{\"format\":\"email\"}}}"))).hasMessageContaining("format");
        assertThatThrownBy(() -> JsonSchema.check(Json.tree("{\"type\":\"thing\"}"))).hasMessageContaining("thing");
        assertThatThrownBy(() -> TaskType.of("x", java.time.Duration.ofSeconds(1), (p, c) -> null).withSchema(Json.tree("{\"allOf\":[]}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
