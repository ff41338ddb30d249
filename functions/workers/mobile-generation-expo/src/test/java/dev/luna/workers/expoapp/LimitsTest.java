package dev.luna.workers.expoapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.luna.core.Json;
import dev.luna.tasks.TaskFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No API, many resources, hostile names and text in the input, and invalid options naming their field. */
class LimitsTest {
    @TempDir
    Path dir;

    @Test
    void aProjectWithoutAnApiGetsAnAppShellWithANote() throws Exception {
        Files.writeString(dir.resolve("Main.java"), "class Main { public static void main(String[] a) { System.out.println(1); } }\n");
        var out = Generate.run(dir, ExpoOptions.defaults());
        assertThat(out.plan().apiFound()).isFalse();
        assertThat(out.files()).containsKeys("app/_layout.tsx", "app/index.tsx", "package.json", "package-lock.json", "src/theme/index.ts",
                "src/components/FloatingFilterBar.tsx");
        assertThat(out.files().keySet()).noneMatch(f -> f.startsWith("app/(tabs)"));
        assertThat(Generate.text(out, "src/copy.ts")).contains("No API was found in this project");
        assertThat(Generate.text(out, "README.md")).contains("**No API was found**");
    }

    @Test
    void fortyResourcesGiveTheFirstTwelveAndListTheRest() throws Exception {
        var js = new StringBuilder("const express = require('express');\nconst app = express();\n");
        for (int i = 0; i < 40; i++) {
            js.append("app.get('/things").append(String.format("%02d", i)).append("', (req, res) => res.json([]));\n");
            js.append("app.get('/things").append(String.format("%02d", i)).append("/:id', (req, res) => res.json({}));\n");
        }
        Files.writeString(dir.resolve("server.js"), js + "app.listen(3000);\n");
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"many\", \"dependencies\": {\"express\": \"4.21.2\"}}\n");
        var out = Generate.run(dir, ExpoOptions.defaults());
        assertThat(out.plan().resources()).hasSize(12);
        assertThat(out.plan().calls()).hasSize(80);
        assertThat(out.plan().leftOut()).hasSize(28).allMatch(l -> l.endsWith("beyond options.maxResources (12), in the client only"));
        assertThat(Generate.text(out, "app/(tabs)/_layout.tsx")).contains("name=\"things00\"").doesNotContain("things12");
    }

    @Test
    void aTokenEndpointWithoutAPasswordIsNotALoginButAPasswordFormIs() throws Exception {
        String doc = """
                openapi: 3.0.3
                info: {title: Keys, version: '1'}
                components:
                  securitySchemes:
                    bearer: {type: http, scheme: bearer}
                  schemas:
                    KeyExchange:
                      type: object
                      properties:
                        grant_type: {type: string}
                        api_key: {type: string}
                    Login:
                      type: object
                      properties:
                        email: {type: string}
                        password: {type: string}
                    Note:
                      type: object
                      properties:
                        id: {type: string}
                security: [{bearer: []}]
                paths:
                  /auth/token:
                    post:
                      operationId: token
                      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/KeyExchange'}}}}
                      responses: {'200': {description: tokens}}
                  /notes:
                    get:
                      operationId: listNotes
                      responses: {'200': {description: notes, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Note'}}}}}}
                """;
        Files.writeString(dir.resolve("openapi.yaml"), doc);
        var out = Generate.run(dir, ExpoOptions.defaults());
        assertThat(out.plan().authNeeded()).isTrue();
        assertThat(out.plan().login()).isNull();
        assertThat(Generate.text(out, "app/sign-in.tsx")).contains("API token").doesNotContain("Password");
        Files.writeString(dir.resolve("openapi.yaml"), doc.replace("$ref: '#/components/schemas/KeyExchange'", "$ref: '#/components/schemas/Login'"));
        var withLogin = Generate.run(dir, ExpoOptions.defaults());
        assertThat(withLogin.plan().login()).isNotNull();
        assertThat(Generate.text(withLogin, "app/sign-in.tsx")).contains("Password");
    }

    @Test
    void beyondMaxResourcesTheRicherResourcesAreKeptInPathOrder() throws Exception {
        Files.writeString(dir.resolve("server.js"), """
                const express = require('express');
                const app = express();
                app.get('/alpha', (req, res) => res.json([]));
                app.get('/beta', (req, res) => res.json([]));
                app.get('/beta/:id', (req, res) => res.json({}));
                app.delete('/beta/:id', (req, res) => res.status(204).end());
                app.get('/gamma', (req, res) => res.json([]));
                app.get('/gamma/:id', (req, res) => res.json({}));
                app.listen(3000);
                """);
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"ranked\", \"dependencies\": {\"express\": \"4.21.2\"}}\n");
        var options = ExpoOptions.of(dev.luna.core.Json.tree("{\"maxResources\": 2}"));
        var out = Generate.run(dir, options);
        assertThat(out.plan().resources()).extracting(r -> r.key()).containsExactly("beta", "gamma");
        assertThat(out.plan().leftOut()).singleElement().asString().contains("alpha").endsWith("beyond options.maxResources (2), in the client only");
    }

    @Test
    void hostileNamesStayInsideStringsAndComments() throws Exception {
        Files.writeString(dir.resolve("api.json"), """
                {"openapi": "3.0.3", "info": {"title": "Evil </script> {{x}} `App`", "version": "1"},
                 "paths": {"/class/{if}": {"get": {"operationId": "delete", "summary": "Ends a comment */ and 'quotes' ${x}",
                   "parameters": [{"name": "if", "in": "path", "required": true, "schema": {"type": "string"}}],
                   "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object",
                     "properties": {"na'me": {"type": "string"}, "1st": {"type": "integer"}}}}}}}}},
                  "/class": {"get": {"operationId": "list-all", "responses": {"200": {"description": "ok"}}}}}}
                """);
        var out = Generate.run(dir, ExpoOptions.defaults());
        var client = Generate.text(out, "src/api/client.ts");
        assertThat(client).contains("deleteValue: (args: { path: { 'if': string | number } }) =>")
                .contains("/** GET /class/{if}: Ends a comment * / and 'quotes' ${x} */")
                .contains("buildPath('/class/{if}', args.path)");
        assertThat(Generate.text(out, "src/copy.ts")).contains("title: 'Evil /script x App'");
        assertThat(Generate.text(out, "app.json")).contains("\"name\" : \"Evil /script x App\"");
        assertThat(out.plan().slug()).isEqualTo("evil-script-x-app");
        assertThat(out.plan().bundleId()).isEqualTo("dev.luna.evilscriptxapp");
    }

    @Test
    void invalidOptionsNameTheirField() {
        assertThatThrownBy(() -> ExpoOptions.of(Json.tree("{\"bundleId\": \"com..shop\"}"))).isInstanceOf(TaskFailedException.class)
                .hasMessageStartingWith("options.bundleId is invalid");
        assertThatThrownBy(() -> ExpoOptions.of(Json.tree("{\"slug\": \"My App\"}"))).hasMessageStartingWith("options.slug is invalid");
        assertThatThrownBy(() -> ExpoOptions.of(Json.tree("{\"navigation\": \"carousel\"}"))).hasMessageStartingWith("options.navigation is invalid");
        assertThatThrownBy(() -> ExpoOptions.of(Json.tree("{\"appName\": \"a<b>\"}"))).hasMessageStartingWith("options.appName is invalid");
        var ok = ExpoOptions.of(Json.tree("{\"bundleId\": \"com.example.shop\", \"slug\": \"shop-app\", \"mode\": \"audit\"}"));
        assertThat(ok.bundleId()).isEqualTo("com.example.shop");
        assertThat(ok.audit()).isTrue();
    }
}
