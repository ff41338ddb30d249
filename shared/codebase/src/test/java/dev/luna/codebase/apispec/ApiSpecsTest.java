package dev.luna.codebase.apispec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.codebase.Codebase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API of a project: a document in the source wins (Swagger 2.0 converted, basePath kept), else the code's endpoints with DTO schemas. */
class ApiSpecsTest {
    @TempDir
    Path dir;

    private ApiSpec find(String... pathsAndContents) throws Exception {
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            var file = dir.resolve(pathsAndContents[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathsAndContents[i + 1]);
        }
        List<String> files;
        try (var s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        return ApiSpecs.find(new Codebase().analyse(dir, files, () -> false), dir);
    }

    @Test
    void aSwagger2DocumentIsConvertedWithItsBasePathAndRefs() throws Exception {
        var api = find("api/swagger.json", """
                {"swagger": "2.0", "info": {"title": "Shop", "version": "3"}, "basePath": "/v2",
                 "paths": {"/items/{id}": {"parameters": [{"name": "id", "in": "path", "required": true, "type": "integer"}],
                   "get": {"operationId": "getItem", "summary": "One item", "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Item"}}}},
                   "delete": {"responses": {"204": {"description": "gone"}}}}},
                 "definitions": {"Item": {"type": "object", "properties": {"name": {"type": "string"}}}}}
                """, "src/test/resources/other.yaml", "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {/a: {get: {responses: {'200': {description: ok}}}}, /b: {get: {responses: {'200': {description: ok}}}}}\n");
        assertThat(api.source()).isEqualTo(ApiSpec.OPENAPI);
        assertThat(api.document()).isEqualTo("api/swagger.json");
        assertThat(api.title()).isEqualTo("Shop");
        assertThat(api.operations()).extracting(op -> op.method() + " " + op.path() + " " + op.operationId())
                .containsExactly("DELETE /v2/items/{id} deleteV2ItemsById", "GET /v2/items/{id} getItem");
        var get = api.operations().get(1);
        assertThat(get.readOnly()).isTrue();
        assertThat(get.params()).singleElement().satisfies(p -> assertThat(p.schema()).containsEntry("type", "integer"));
        assertThat(get.response()).isEqualTo(Map.of("$ref", "#/components/schemas/Item"));
        assertThat(api.operations().getFirst().destructive()).isTrue();
        assertThat(api.schemas()).containsKey("Item");
        assertThat(api.notes()).anyMatch(n -> n.startsWith("also found src/test/resources/other.yaml"));
    }

    @Test
    void nullableBecomesATypeList() throws Exception {
        var api = find("openapi.yaml", """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /x:
                    post:
                      requestBody: {content: {application/json: {schema: {type: object, properties: {a: {type: string, nullable: true}}}}}}
                      responses: {'200': {description: ok}}
                """);
        @SuppressWarnings("unchecked") var props = (Map<String, Object>) api.operations().getFirst().request().get("properties");
        assertThat(props.get("a")).isEqualTo(Map.of("type", List.of("string", "null")));
    }

    @Test
    void withoutADocumentTheCodesEndpointsAreTheApi() throws Exception {
        var api = find("src/main/java/a/Item.java", "package a;\npublic record Item(long id, String name) {}\n",
                "src/main/java/a/ItemController.java", """
                package a;
                import org.springframework.web.bind.annotation.*;
                @RestController
                @RequestMapping("/${api.prefix:/api}/items")
                public class ItemController {
                    /** One item by its id. */
                    @GetMapping("/{id}")
                    public Item get(@PathVariable long id, @RequestHeader("Content-Type") String type) { return null; }

                    @GetMapping("/*.html")
                    public String page() { return "page"; }
                }
                """);
        assertThat(api.source()).isEqualTo(ApiSpec.CODE);
        assertThat(api.operations()).hasSize(1);
        assertThat(api.notes()).anyMatch(n -> n.contains("/*.html") && n.contains("left out"));
        var op = api.operations().getFirst();
        assertThat(op.path()).isEqualTo("/api/items/{id}");
        assertThat(op.description()).isEqualTo("One item by its id.");
        assertThat(op.params()).extracting(ApiParam::name).containsExactly("id");
        assertThat(op.response()).isEqualTo(Map.of("$ref", "#/components/schemas/Item"));
        assertThat(api.schemas().get("Item")).containsEntry("type", "object");
    }

    @Test
    void noDocumentAndNoEndpointsIsNone() throws Exception {
        var api = find("src/Util.java", "class Util {}\n");
        assertThat(api.source()).isEqualTo(ApiSpec.NONE);
        assertThat(api.empty()).isTrue();
    }
}
