package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.sources.GitHttpStandIn;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipInputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mobile-generation-swift} with the runtime's model stand-in: a model's empty-state copy lands in the same
 * screens, an unusable answer leaves the deterministic copy (with a note), and a repository without an API is a
 * successful app shell that says so.
 */
class MobileGenerationSwiftModelIT {
    static Path apiDir;
    static Path plainDir;
    static Git apiRepo;
    static Git plainRepo;
    static GitHttpStandIn apiServer;
    static GitHttpStandIn plainServer;
    static RagSourcesRuntime runtime;
    static TaskTypeRuns runs;

    @BeforeAll
    static void start() throws Exception {
        runtime = RagSourcesRuntime.get();
        runs = new TaskTypeRuns(runtime.api);
        apiDir = Files.createTempDirectory("luna-swift-repo");
        apiRepo = Git.init().setDirectory(apiDir.toFile()).setInitialBranch("main").call();
        AppGenerationGoogleIT.write(apiDir, "openapi.yaml", """
                openapi: 3.0.3
                info: {title: Orders, version: "1"}
                paths:
                  /orders:
                    get:
                      operationId: listOrders
                      responses: {"200": {description: ok, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Order"}}}}}}
                components:
                  schemas:
                    Order: {type: object, required: [id], properties: {id: {type: string}, item: {type: string}}}
                """);
        AppGenerationGoogleIT.commit(apiRepo);
        apiServer = new GitHttpStandIn(apiRepo.getRepository());
        plainDir = Files.createTempDirectory("luna-swift-plain");
        plainRepo = Git.init().setDirectory(plainDir.toFile()).setInitialBranch("main").call();
        AppGenerationGoogleIT.write(plainDir, "src/Main.java", "class Main { public static void main(String[] a) { System.out.println(42); } }\n");
        AppGenerationGoogleIT.commit(plainRepo);
        plainServer = new GitHttpStandIn(plainRepo.getRepository());
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.openai.text = "Hello from the stand-in, in five pieces.";
        apiServer.close();
        plainServer.close();
        apiRepo.close();
        plainRepo.close();
        FileUtils.delete(apiDir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
        FileUtils.delete(plainDir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
    }

    static String agent() {
        var created = runtime.api.post("/api/v1/agents", """
                {"name":"%s","type":"task-executor","version":"1.0.0","config":{"runtime":"java","capabilities":["mobile-generation-swift"]},
                 "resourceQuota":{"maxConcurrentTasks":100}}
                """.formatted(TestRuntime.unique("swift-agent")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.data().get("id").asString();
        assertThat(runtime.api.post("/api/v1/agents/" + id + "/start", null).status()).isEqualTo(200);
        return id;
    }

    static String payload(GitHttpStandIn server, String options) {
        return "{\"source\":{\"type\":\"git\",\"url\":\"" + server.url() + "\",\"ref\":\"main\"},\"options\":" + options + "}";
    }

    static String listView(String taskId) throws Exception {
        try (var zip = new ZipInputStream(new ByteArrayInputStream(runs.artifacts(taskId).get("project.zip")))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("App/Screens/OrderListView.swift")) return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no OrderListView.swift");
    }

    @Test
    void aModelWritesTheEmptyStateCopyInsideTheSameScreens() throws Exception {
        runtime.openai.text = "{\"resources\": [{\"name\": \"Order\", \"emptyTitle\": \"Nothing ordered yet\", \"emptyMessage\": \"Orders you place will show up here.\"}]}";
        var task = runs.run(agent(), "mobile-generation-swift", payload(apiServer, "{}"));
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        assertThat(task.get("result").get("model").get("used").asBoolean()).as(task.get("result").get("model").toString()).isTrue();
        assertThat(listView(task.get("id").asString())).contains("\"Nothing ordered yet\"").contains("\"Orders you place will show up here.\"");
    }

    @Test
    void anUnusableAnswerLeavesTheDeterministicCopy() throws Exception {
        runtime.openai.text = "this is not JSON";
        var task = runs.run(agent(), "mobile-generation-swift", payload(apiServer, "{}"));
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        assertThat(task.get("result").get("model").get("used").asBoolean()).isFalse();
        assertThat(task.get("result").get("model").get("note").asString()).contains("deterministic copy stands");
        assertThat(listView(task.get("id").asString())).contains("\"No orders yet\"");
    }

    @Test
    void aRepositoryWithoutAnApiIsASuccessfulAppShell() {
        var task = runs.run(agent(), "mobile-generation-swift", payload(plainServer, "{}"));
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        assertThat(task.get("result").get("apiFound").asBoolean()).isFalse();
        assertThat(task.get("result").get("message").asString()).startsWith("No HTTP API was found");
        assertThat(runs.artifacts(task.get("id").asString())).containsKeys("project.zip", "design-system.md");
    }

    @Test
    void invalidPlatformsAreAFourHundredNamingTheField() {
        var r = runs.submit(agent(), "mobile-generation-swift", payload(apiServer, "{\"platforms\":[\"android\"]}"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").get("details").toString()).contains("payload.options.platforms");
    }
}
