package dev.luna.workers.swift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.luna.core.ValidationException;
import dev.luna.core.Violation;
import dev.luna.workers.swift.plan.SwiftOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No API, bad options, many operations, and hostile names and text in the input. */
class LimitsTest {
    @TempDir
    Path dir;

    @Test
    void aProjectWithoutAnApiBecomesACheckedAppShellWithANote() throws Exception {
        Files.writeString(dir.resolve("Main.java"), "class Main { public static void main(String[] a) { System.out.println(1); } }\n");
        var out = Generate.run(dir, SwiftOptions.DEFAULT);
        assertThat(out.plan().shell()).isTrue();
        assertThat(out.problems()).isEmpty();
        assertThat(out.plan().notes()).anyMatch(n -> n.startsWith("No HTTP API was found"));
        assertThat(out.project().get("App/RootView.swift")).contains("EmptyStateView(title:").contains("No API was found in the source.");
        assertThat(out.project().get("README.md")).contains("No screens:");
    }

    @Test
    void invalidBundleIdPlatformsAndMissingMerchantAreNamed() {
        assertThatThrownBy(() -> Generate.options("{\"bundleId\": \"not a bundle id\"}")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("options.bundleId");
        assertThatThrownBy(() -> Generate.options("{\"platforms\": [\"android\"]}")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("options.platforms");
        assertThatThrownBy(() -> Generate.options("{\"platforms\": []}")).isInstanceOf(ValidationException.class).hasMessageContaining("options.platforms");
        assertThatThrownBy(() -> Generate.options("{\"applePay\": true}")).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations()).extracting(Violation::field).containsExactly("options.merchantId"));
        assertThat(Generate.options("{\"platforms\": [\"macOS\", \"ios\"]}").platforms()).containsExactly("ios", "macOS");
    }

    @Test
    void hostileNamesAndTextStayInsideSwiftStringsAndComments() throws Exception {
        Files.writeString(dir.resolve("api.json"), """
                {"openapi": "3.0.3", "info": {"title": "Evil \\"App\\" \\\\(x) {{m}}", "version": "1"},
                 "paths": {"/class/{default}": {"get": {"operationId": "get-the thing", "summary": "Ends a comment */ and \\"quotes\\" \\\\(boom)",
                   "parameters": [{"name": "default", "in": "path", "required": true, "schema": {"type": "integer"}},
                                  {"name": "x-y z", "in": "query", "schema": {"type": "boolean"}}],
                   "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Self"}}}}}}},
                  "/class": {"get": {"operationId": "list", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema":
                      {"type": "array", "items": {"$ref": "#/components/schemas/Self"}}}}}}}}},
                 "components": {"schemas": {"Self": {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"},
                   "protocol": {"type": "string"}, "1st": {"type": "string", "enum": ["a\\"b", "c"]}, "parent": {"$ref": "#/components/schemas/Self"},
                   "children": {"type": "array", "items": {"$ref": "#/components/schemas/Self"}}}}}}}
                """);
        var out = Generate.run(dir, SwiftOptions.DEFAULT);
        assertThat(out.problems()).isEmpty();
        String models = out.project().values().stream().filter(t -> t.contains("public struct SelfModel")).findFirst().orElseThrow();
        assertThat(models).contains("public var protocolValue: String?").contains("case protocolValue = \"protocol\"").contains("public var n1st: String?")
                .contains("public var parent: JSONValue?").contains("public var children: [SelfModel]?");
        String client = out.project().entrySet().stream().filter(e -> e.getKey().endsWith("APIClient.swift")).findFirst().orElseThrow().getValue();
        assertThat(client).contains("public func getTheThing(defaultValue: Int, xYZ: Bool? = nil) async throws -> SelfModel")
                .contains("Ends a comment */ and").doesNotContain("\\(boom)\"");
    }

    @Test
    void manyEndpointsAreCappedWithANote() throws Exception {
        var js = new StringBuilder("const express = require('express');\nconst app = express();\n");
        for (int i = 0; i < 260; i++) js.append("app.get('/things").append(i).append("/:id', (req, res) => res.json({}));\n");
        Files.writeString(dir.resolve("server.js"), js + "app.listen(3000);\n");
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"many\", \"dependencies\": {\"express\": \"4.21.2\"}}\n");
        var out = Generate.run(dir, SwiftOptions.DEFAULT);
        assertThat(out.problems()).isEmpty();
        assertThat(out.plan().endpoints()).hasSize(200);
        assertThat(out.plan().resources()).hasSize(30);
        assertThat(out.plan().notes()).anyMatch(n -> n.contains("the client covers the first 200")).anyMatch(n -> n.contains("screens were made for the first 30"));
    }
}
