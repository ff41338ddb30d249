package dev.luna.workers.openaiapp;

import dev.luna.testkit.Golden;
import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fixtures' artifacts match their goldens, and what each fixture's API should yield is there. */
class FixturesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"spring-shop", "express-swagger"})
    void artifactsMatchTheirGoldens(String fixture) throws Exception {
        var app = Runs.fixture(fixture, dir, AppOptions.defaults());
        for (var e : app.artifacts().entrySet()) Golden.check(fixture + "/" + e.getKey(), e.getValue());
        Golden.check(fixture + "/mcp-server/src/tools.ts", app.project().get("mcp-server/src/tools.ts"));
        Golden.check(fixture + "/mcp-server/README.md", app.project().get("mcp-server/README.md"));
        assertThat(app.project().keySet()).contains("mcp-server/package.json", "mcp-server/package-lock.json", "mcp-server/tsconfig.json",
                "mcp-server/src/server.ts", "mcp-server/src/main.ts", "openapi.actions.json", "instructions.md", "manifest.json", "deployment.md", "FILES");
    }

    @Test
    void aSpringAppWithoutADocumentYieldsItsControllersWithDtoSchemas() throws Exception {
        var options = new AppOptions("https://books.example.org", List.of("search books"), List.of(), List.of(), "apiKey", "Bookshop", 30);
        var app = Runs.fixture("spring-shop", dir, options);
        assertThat(app.api().source()).isEqualTo("code");
        assertThat(app.choice().chosen()).extracting(op -> op.method() + " " + op.path() + " " + op.operationId()).contains(
                "GET /api/books search", "POST /api/books create", "GET /api/books/{id} get", "PUT /api/books/{id} replace",
                "DELETE /api/books/{id} delete", "GET /api/orders orders", "POST /api/orders place");
        var actions = Json.tree(new String(app.artifacts().get("openapi.actions.json"), StandardCharsets.UTF_8));
        assertThat(actions.get("openapi").asString()).isEqualTo("3.1.0");
        assertThat(actions.get("servers").get(0).get("url").asString()).isEqualTo("https://books.example.org");
        assertThat(actions.at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-API-Key");
        var search = actions.at("/paths/~1api~1books/get");
        assertThat(search.get("description").asString()).startsWith("Searches the catalogue by title or author.").hasSizeLessThanOrEqualTo(300);
        assertThat(actions.at("/paths/~1api~1books~1{id}/delete/x-openai-isConsequential").asBoolean()).isTrue();
        assertThat(actions.at("/components/schemas/Book/properties/genre/$ref").asString()).isEqualTo("#/components/schemas/Genre");
        assertThat(actions.at("/components/schemas/Genre/enum").size()).isEqualTo(3);
        String instructions = new String(app.artifacts().get("instructions.md"), StandardCharsets.UTF_8);
        assertThat(instructions).contains("Never call these without that confirmation").contains("`delete`").contains("## Conversation starters");
        String tools = new String(app.project().get("mcp-server/src/tools.ts"), StandardCharsets.UTF_8);
        assertThat(tools).contains("readOnly: true").contains("destructive: true").contains("z.enum([\"FICTION\", \"SCIENCE\", \"HISTORY\"])");
    }

    @Test
    void aSwagger2DocumentIsConvertedAndWinsOverTheCode() throws Exception {
        var app = Runs.fixture("express-swagger", dir, AppOptions.defaults());
        assertThat(app.api().source()).isEqualTo("openapi");
        assertThat(app.api().document()).isEqualTo("docs/swagger.yaml");
        assertThat(app.choice().chosen()).extracting(op -> op.operationId()).containsExactly("listPets", "createPet", "deletePet", "showPetById");
        var actions = Json.tree(new String(app.artifacts().get("openapi.actions.json"), StandardCharsets.UTF_8));
        assertThat(actions.at("/paths/~1v1~1pets/get/parameters/0/example").asInt()).isEqualTo(20);
        assertThat(actions.at("/paths/~1v1~1pets/post/requestBody/content/application~1json/schema/$ref").asString()).isEqualTo("#/components/schemas/NewPet");
        assertThat(actions.at("/paths/~1v1~1pets~1{petId}/get/parameters/0/description").asString()).isEqualTo("The pet's id.");
        assertThat(actions.at("/info/title").asString()).isEqualTo("Petstore");
    }

    @Test
    void aProjectWithoutAnApiSucceedsAndSaysSo() throws Exception {
        var app = Runs.fixture("library", dir, AppOptions.defaults());
        assertThat(app.found()).isFalse();
        assertThat(app.artifacts()).isEmpty();
        var document = ResultDocument.of(app, AppOptions.defaults(), List.of(), java.util.Map.of("used", false), null, true);
        assertThat((String) document.get("message")).startsWith("No API found");
    }
}
