package dev.luna.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TaskSchemasTest {
    @Test
    void theSharedSourceSchemaIsInlinedWithItsDefinitionsRenamed() {
        var schema = Catalog.taskPayloadSchema("source.schema.json");
        assertThat(schema.path("oneOf").size()).isEqualTo(4);
        assertThat(schema.path("$defs").has("git")).isTrue();
    }

    @Test
    void everyTypeSchemaThatNamesTheSourceGetsOneSelfContainedDocument() throws Exception {
        List<String> files;
        try (var list = Files.list(Path.of(System.getProperty("luna.root"), "functions", "task-types"))) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".schema.json")).sorted().toList();
        }
        assertThat(files).contains("code-analysis.schema.json", "echo.schema.json", "source.schema.json");
        for (String file : files) {
            var schema = Catalog.taskPayloadSchema(file);
            var refs = new ArrayList<String>();
            collect(schema, refs);
            assertThat(refs).as(file).allSatisfy(r -> assertThat(r).startsWith("#/$defs/"));
            for (String r : refs) assertThat(schema.at(r.substring(1)).isMissingNode()).as(file + " " + r).isFalse();
            if (schema.path("properties").has("source")) {
                assertThat(schema.path("properties").path("source").path("$ref").asString()).isEqualTo("#/$defs/source");
                assertThat(schema.path("$defs").has("source")).as(file).isTrue();
                assertThat(schema.path("$defs").has("source_git")).as(file).isTrue();
            }
        }
    }

    private static void collect(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            if (node.has("$ref")) refs.add(node.get("$ref").asString());
            for (var e : node.properties()) collect(e.getValue(), refs);
        } else if (node.isArray()) {
            for (var c : node) collect(c, refs);
        }
    }
}
