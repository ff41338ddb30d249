package dev.luna.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.luna.core.Json;
import dev.luna.core.Violation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadSchemaTest {
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

    /** A source object as the task types take it: one branch per kind, told apart by "type". */
    private static final String SOURCES = """
            {"type":"object","required":["source"],"additionalProperties":false,
             "properties":{"source":{"$ref":"#/$defs/source"},"webhook":{"type":"string","format":"uri"},
                           "email":{"type":"string","format":"email"}},
             "$defs":{
               "source":{"oneOf":[{"$ref":"#/$defs/git"},{"$ref":"#/$defs/inline"}]},
               "git":{"type":"object","required":["type","url"],"additionalProperties":false,
                      "properties":{"type":{"const":"git"},"url":{"type":"string","pattern":"^https://"},"ref":{"type":"string"}}},
               "inline":{"type":"object","required":["type","files"],"additionalProperties":false,
                         "properties":{"type":{"const":"inline"},"files":{"type":"array","minItems":1,
                           "items":{"type":"object","required":["path"],"properties":{"path":{"type":"string","minLength":1}}}}}}}}
            """;

    private static List<String> fields(String schema, String payload) {
        return PayloadSchema.of(Json.tree(schema)).validate(Json.tree(payload), "payload").stream().map(Violation::field).toList();
    }

    @Test
    void aValidPayloadHasNoViolations() {
        assertThat(fields(SCHEMA, "{\"repo\":\"acme/app\",\"depth\":3,\"ratio\":0.5,\"mode\":\"deep\",\"tags\":[\"a\"],\"options\":{\"x\":true},\"note\":null}"))
                .isEmpty();
        assertThat(fields(SCHEMA, "{\"repo\":\"acme/app\",\"depth\":3.0}")).as("3.0 is an integer in JSON Schema").isEmpty();
    }

    @Test
    void everyViolationIsNamed() {
        assertThat(fields(SCHEMA, "{}")).containsExactlyInAnyOrder("payload.repo", "payload.depth");
        assertThat(fields(SCHEMA, "{\"repo\":\"Acme\",\"depth\":9}")).containsExactlyInAnyOrder("payload.repo", "payload.depth");
        assertThat(fields(SCHEMA, "{\"repo\":\"a/b\",\"depth\":1.5}")).containsExactly("payload.depth");
        assertThat(fields(SCHEMA, "{\"repo\":\"a/b\",\"depth\":1,\"ratio\":1}")).containsExactly("payload.ratio");
        assertThat(fields(SCHEMA, "{\"repo\":\"a/b\",\"depth\":1,\"mode\":\"slow\"}")).containsExactly("payload.mode");
        assertThat(fields(SCHEMA, "{\"repo\":\"a/b\",\"depth\":1,\"tags\":[\"\",\"b\",\"c\"]}")).containsExactlyInAnyOrder("payload.tags", "payload.tags[0]");
        assertThat(fields(SCHEMA, "{\"repo\":\"a/b\",\"depth\":1,\"options\":{\"x\":1}}")).containsExactly("payload.options.x");
        assertThat(fields(SCHEMA, "{\"repo\":\"a/b\",\"depth\":1,\"extra\":1}")).containsExactly("payload.extra");
        assertThat(fields(SCHEMA, "{\"repo\":\"a/b\",\"depth\":\"1\"}")).containsExactly("payload.depth");
        assertThat(fields(SCHEMA, "{\"repo\":\"a/b\",\"depth\":1,\"note\":3}")).containsExactly("payload.note");
    }

    @Test
    void aOneOfOfSourceKindsReportsTheErrorsOfTheKindTheValueNames() {
        assertThat(fields(SOURCES, "{\"source\":{\"type\":\"git\",\"url\":\"https://example.com/r.git\"}}")).isEmpty();
        assertThat(fields(SOURCES, "{\"source\":{\"type\":\"inline\",\"files\":[{\"path\":\"a.java\"}]}}")).isEmpty();
        assertThat(fields(SOURCES, "{\"source\":{\"type\":\"git\"}}")).containsExactly("payload.source.url");
        assertThat(fields(SOURCES, "{\"source\":{\"type\":\"git\",\"url\":\"http://x\"}}")).containsExactly("payload.source.url");
        assertThat(fields(SOURCES, "{\"source\":{\"type\":\"inline\",\"files\":[{\"path\":\"\"}]}}")).containsExactly("payload.source.files[0].path");
        assertThat(fields(SOURCES, "{\"source\":{\"type\":\"inline\",\"files\":[],\"url\":\"x\"}}"))
                .containsExactlyInAnyOrder("payload.source.files", "payload.source.url");
        assertThat(fields(SOURCES, "{\"source\":{\"type\":\"ftp\"}}")).as("no branch named: the oneOf itself is named").containsExactly("payload.source");
    }

    @Test
    void formatsAreAsserted() {
        assertThat(fields(SOURCES, "{\"source\":{\"type\":\"git\",\"url\":\"https://e.com/r\"},\"email\":\"not-an-email\"}")).containsExactly("payload.email");
        assertThat(fields(SOURCES, "{\"source\":{\"type\":\"git\",\"url\":\"https://e.com/r\"},\"email\":\"dev@example.com\"}")).isEmpty();
    }

    @Test
    void messagesSayWhatIsWrongWithoutTheLocationPrefix() {
        var v = PayloadSchema.of(Json.tree(SCHEMA)).validate(Json.tree("{\"repo\":\"a/b\",\"depth\":7}"), "payload");
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.field()).isEqualTo("payload.depth");
            assertThat(x.message()).doesNotStartWith("$").contains("5");
        });
    }

    @Test
    void anInvalidSchemaIsRefusedWhenTheTypeIsDefined() {
        assertThatThrownBy(() -> PayloadSchema.of(Json.tree("{\"type\":\"thing\"}"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PayloadSchema.of(Json.tree("{\"minLength\":\"three\"}"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskType.of("x", Duration.ofSeconds(1), (p, c) -> null).withSchema(Json.tree("[1]")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TaskType.of("x", Duration.ofSeconds(1), (p, c) -> null).withSchema(Json.tree("{\"allOf\":[{\"type\":\"object\"}]}")).payloadSchema())
                .isNotNull();
    }
}
