package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import dev.luna.sources.GitHttpStandIn;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.zip.ZipInputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code app-generation-openai} end to end over the HTTP API, on git sources served over smart HTTP: a Spring API gets
 * its Actions schema, instructions, manifest, deployment guide and project.zip with the MCP server; a project without
 * an API succeeds with a result that says so; an http baseUrl is a 400 naming the field; a model's descriptions are
 * used when they fit the schema.
 */
class AppGenerationOpenaiIT {
    static Path apiDir;
    static Path libDir;
    static Git apiRepo;
    static Git libRepo;
    static GitHttpStandIn apiServer;
    static GitHttpStandIn libServer;
    static RagSourcesRuntime runtime;
    static TaskTypeRuns runs;

    @BeforeAll
    static void start() throws Exception {
        runtime = RagSourcesRuntime.get();
        runs = new TaskTypeRuns(runtime.api);
        apiDir = Files.createTempDirectory("luna-openai-app-api");
        apiRepo = Git.init().setDirectory(apiDir.toFile()).setInitialBranch("main").call();
        write(apiDir, "pom.xml", "<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId><artifactId>notes</artifactId><version>1</version></project>\n");
        write(apiDir, "src/main/java/com/acme/Note.java", "package com.acme;\n\npublic record Note(long id, String title, String body) {\n}\n");
        write(apiDir, "src/main/java/com/acme/NoteController.java", """
                package com.acme;

                import java.util.List;
                import org.springframework.web.bind.annotation.*;

                @RestController
                @RequestMapping("/notes")
                public class NoteController {
                    /** The notes, newest first. */
                    @GetMapping
                    public List<Note> list(@RequestParam(required = false) String q) {
                        return List.of();
                    }

                    @PostMapping
                    public Note create(@RequestBody Note note) {
                        return note;
                    }

                    @DeleteMapping("/{id}")
                    public void delete(@PathVariable long id) {
                    }
                }
                """);
        commit(apiRepo);
        apiServer = new GitHttpStandIn(apiRepo.getRepository());
        libDir = Files.createTempDirectory("luna-openai-app-lib");
        libRepo = Git.init().setDirectory(libDir.toFile()).setInitialBranch("main").call();
        write(libDir, "src/slug.js", "export function slug(s) { return s.toLowerCase(); }\n");
        write(libDir, "package.json", "{\"name\": \"slug\", \"version\": \"1.0.0\"}\n");
        commit(libRepo);
        libServer = new GitHttpStandIn(libRepo.getRepository());
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.openai.text = "Hello from the stand-in, in five pieces.";
        apiServer.close();
        libServer.close();
        apiRepo.close();
        libRepo.close();
        FileUtils.delete(apiDir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
        FileUtils.delete(libDir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
    }

    static void write(Path dir, String path, String content) throws Exception {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    static void commit(Git repo) throws Exception {
        repo.add().addFilepattern(".").call();
        repo.commit().setMessage("init").setAuthor("Dev", "dev@example.com").setCommitter("Dev", "dev@example.com").setSign(false).call();
    }

    static String agent() {
        var created = runtime.api.post("/api/v1/agents", """
                {"name":"%s","type":"task-executor","version":"1.0.0","config":{"runtime":"java","capabilities":["app-generation-openai"]},
                 "resourceQuota":{"maxConcurrentTasks":100}}
                """.formatted(TestRuntime.unique("openai-app")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.data().get("id").asString();
        assertThat(runtime.api.post("/api/v1/agents/" + id + "/start", null).status()).isEqualTo(200);
        return id;
    }

    static String payload(GitHttpStandIn server, String options) {
        return "{\"source\":{\"type\":\"git\",\"url\":\"" + server.url() + "\",\"ref\":\"main\"},\"options\":" + options + "}";
    }

    @Test
    void aSpringApiBecomesAnActionsSchemaInstructionsAndAnMcpServer() throws Exception {
        runtime.openai.text = "this is not JSON";
        var task = runs.run(agent(), "app-generation-openai", payload(apiServer,
                "{\"baseUrl\":\"https://notes.example.org\",\"auth\":\"apiKey\",\"appName\":\"Notes\"}"));
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        var result = task.get("result");
        assertThat(result.get("summary").get("source").asString()).isEqualTo("code");
        assertThat(result.get("summary").get("operationsOffered").asInt()).isEqualTo(3);
        assertThat(result.get("operations").findValuesAsString("operationId")).containsExactly("list", "create", "delete");
        assertThat(result.get("model").get("used").asBoolean()).isFalse();
        assertThat(task.get("progress").get("steps").findValuesAsString("name"))
                .containsExactly("checkout", "analyse", "generate", "validate", "enhance", "package");
        var artifacts = runs.artifacts(task.get("id").asString());
        assertThat(artifacts).containsOnlyKeys("openapi.actions.json", "instructions.md", "manifest.json", "deployment.md", "project.zip");
        var actions = Json.tree(new String(artifacts.get("openapi.actions.json"), StandardCharsets.UTF_8));
        assertThat(actions.at("/servers/0/url").asString()).isEqualTo("https://notes.example.org");
        assertThat(actions.at("/paths/~1notes~1{id}/delete/x-openai-isConsequential").asBoolean()).isTrue();
        assertThat(new String(artifacts.get("instructions.md"), StandardCharsets.UTF_8)).contains("# Notes: GPT instructions", "`delete`");
        var entries = new TreeSet<String>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(artifacts.get("project.zip")))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) entries.add(e.getName());
        }
        assertThat(entries).contains("mcp-server/package.json", "mcp-server/package-lock.json", "mcp-server/src/tools.ts", "mcp-server/src/server.ts",
                "openapi.actions.json", "FILES");
    }

    @Test
    void aProjectWithoutAnApiSucceedsAndSaysSo() {
        var task = runs.run(agent(), "app-generation-openai", payload(libServer, "{}"));
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        assertThat(task.get("result").get("summary").get("apiFound").asBoolean()).isFalse();
        assertThat(task.get("result").get("message").asString()).startsWith("No API found");
        assertThat(runs.artifacts(task.get("id").asString())).isEmpty();
    }

    @Test
    void aPlainHttpBaseUrlIsAFourHundredNamingTheField() {
        var r = runs.submit(agent(), "app-generation-openai", payload(apiServer, "{\"baseUrl\":\"http://notes.example.org\"}"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").get("details").toString()).contains("payload.options.baseUrl");
    }

    @Test
    void aModelWritesTheDescriptionsInsideTheLimits() {
        String description = "Written by the stand-in model: use this to work with the notes of the signed-in user.";
        runtime.openai.text = "{\"operations\": [{\"operationId\": \"list\", \"description\": \"" + description + "\"},"
                + "{\"operationId\": \"create\", \"description\": \"" + description + " Confirm with the user first.\"},"
                + "{\"operationId\": \"delete\", \"description\": \"" + description + " Confirm with the user first.\"}]}";
        var task = runs.run(agent(), "app-generation-openai", payload(apiServer, "{\"appName\":\"Notes\"}"));
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        assertThat(task.get("result").get("model").get("used").asBoolean()).as(task.get("result").get("model").toString()).isTrue();
        var actions = Json.tree(new String(runs.artifacts(task.get("id").asString()).get("openapi.actions.json"), StandardCharsets.UTF_8));
        assertThat(actions.at("/paths/~1notes/get/description").asString()).isEqualTo(description);
    }
}
