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
 * {@code app-generation-google} end to end over the HTTP API, on git sources served over smart HTTP: a Spring service
 * becomes an agent card, a conversational design, deployment notes and an ADK project; a repository without an API is
 * a successful result that says so; invalid options are a 400 naming the field; a model (the runtime's OpenAI
 * stand-in) rewrites descriptions inside the structure, and an unusable answer leaves the deterministic text.
 */
class AppGenerationGoogleIT {
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
        apiDir = Files.createTempDirectory("luna-google-agent-repo");
        apiRepo = Git.init().setDirectory(apiDir.toFile()).setInitialBranch("main").call();
        write(apiDir, "pom.xml", "<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId><artifactId>orders</artifactId><version>1</version></project>\n");
        write(apiDir, "src/main/java/com/acme/OrderController.java", """
                package com.acme;

                import org.springframework.web.bind.annotation.*;

                @RestController
                @RequestMapping("/orders")
                public class OrderController {
                    @GetMapping
                    public java.util.List<OrderDto> listOrders(@RequestParam(required = false) String status) { return java.util.List.of(); }

                    @GetMapping("/{orderId}")
                    public OrderDto getOrder(@PathVariable long orderId) { return null; }

                    @PostMapping
                    public OrderDto createOrder(@RequestBody OrderDto order) { return order; }

                    @DeleteMapping("/{orderId}")
                    public void cancelOrder(@PathVariable long orderId) { }
                }
                """);
        write(apiDir, "src/main/java/com/acme/OrderDto.java", "package com.acme;\n\npublic record OrderDto(long id, String item, int quantity) {}\n");
        commit(apiRepo);
        apiServer = new GitHttpStandIn(apiRepo.getRepository());
        plainDir = Files.createTempDirectory("luna-google-agent-plain");
        plainRepo = Git.init().setDirectory(plainDir.toFile()).setInitialBranch("main").call();
        write(plainDir, "src/Main.java", "class Main { public static void main(String[] a) { System.out.println(42); } }\n");
        commit(plainRepo);
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

    static void write(Path root, String path, String content) throws Exception {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    static void commit(Git repo) throws Exception {
        repo.add().addFilepattern(".").call();
        repo.commit().setMessage("init").setAuthor("Dev", "dev@example.com").setCommitter("Dev", "dev@example.com").setSign(false).call();
    }

    static String agent() {
        var created = runtime.api.post("/api/v1/agents", """
                {"name":"%s","type":"task-executor","version":"1.0.0","config":{"runtime":"java","capabilities":["app-generation-google"]},
                 "resourceQuota":{"maxConcurrentTasks":100}}
                """.formatted(TestRuntime.unique("google-agent")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.data().get("id").asString();
        assertThat(runtime.api.post("/api/v1/agents/" + id + "/start", null).status()).isEqualTo(200);
        return id;
    }

    static String payload(GitHttpStandIn server, String options) {
        return "{\"source\":{\"type\":\"git\",\"url\":\"" + server.url() + "\",\"ref\":\"main\"},\"options\":" + options + "}";
    }

    @Test
    void aSpringServiceBecomesAnAgentCardConversationAndAdkProject() throws Exception {
        runtime.openai.text = "this is not JSON";
        var task = runs.run(agent(), "app-generation-google", payload(apiServer, "{\"auth\":\"apiKey\",\"baseUrl\":\"https://orders.example.com\"}"));
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        var result = task.get("result");
        assertThat(result.get("apiFound").asBoolean()).isTrue();
        assertThat(result.get("tools").findValuesAsString("name")).containsExactly("listOrders", "createOrder", "cancelOrder", "getOrder");
        assertThat(result.get("tools").findValuesAsString("confirm")).containsExactly("false", "true", "true", "false");
        assertThat(result.get("model").get("used").asBoolean()).isFalse();
        assertThat(result.get("model").get("note").asString()).contains("deterministic text stands");

        var artifacts = runs.artifacts(task.get("id").asString());
        assertThat(artifacts).containsOnlyKeys("agent-card.json", "conversation.json", "conversation.md", "deployment.md", "project.zip");
        var card = Json.tree(new String(artifacts.get("agent-card.json"), StandardCharsets.UTF_8));
        assertThat(card.at("/supportedInterfaces/0/url").asString()).isEqualTo("http://localhost:8080");
        assertThat(card.at("/securitySchemes/apiKey/apiKeySecurityScheme/location").asString()).isEqualTo("header");
        assertThat(new String(artifacts.get("conversation.md"), StandardCharsets.UTF_8)).contains("## Intents", "Confirmation:");
        var entries = new TreeSet<String>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(artifacts.get("project.zip")))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) entries.add(e.getName());
        }
        assertThat(entries).contains("adk-java/pom.xml", "adk-java/README.md", "adk-java/src/main/java/agent/ApiTools.java",
                "adk-java/src/main/java/agent/A2aServer.java", "adk-java/src/main/resources/agent-card.json", "adk-java/src/test/java/agent/ApiAgentTest.java");
    }

    @Test
    void aModelRewritesTheDescriptionsInsideTheStructure() {
        runtime.openai.text = """
                {"agent": "Helps the sales team look up, place and cancel orders.",
                 "skills": [{"id": "orders", "description": "Look up, place and cancel customer orders."}],
                 "tools": [{"name": "listOrders", "description": "Call to see orders, optionally by status; returns a list."},
                           {"name": "createOrder", "description": "Call to place an order for an item and quantity."},
                           {"name": "cancelOrder", "description": "Call to cancel one order by its id."},
                           {"name": "getOrder", "description": "Call to read one order by its id; returns the order."}]}
                """;
        var task = runs.run(agent(), "app-generation-google", payload(apiServer, "{}"));
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        var result = task.get("result");
        assertThat(result.get("model").get("used").asBoolean()).as(result.get("model").toString()).isTrue();
        assertThat(result.get("tools").get(2).get("description").asString())
                .isEqualTo("Call to cancel one order by its id. Deletes or replaces data: confirm with the user first.");
        var card = new String(runs.artifacts(task.get("id").asString()).get("agent-card.json"), StandardCharsets.UTF_8);
        assertThat(card).contains("Helps the sales team look up, place and cancel orders.");
    }

    @Test
    void aRepositoryWithoutAnApiSucceedsAndSaysSo() {
        var task = runs.run(agent(), "app-generation-google", payload(plainServer, "{}"));
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        assertThat(task.get("result").get("apiFound").asBoolean()).isFalse();
        assertThat(task.get("result").get("message").asString()).startsWith("No HTTP API was found");
        assertThat(runs.artifacts(task.get("id").asString())).isEmpty();
    }

    @Test
    void invalidOptionsAreAFourHundredNamingTheField() {
        var r = runs.submit(agent(), "app-generation-google", payload(apiServer, "{\"auth\":\"basic\"}"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").get("details").toString()).contains("payload.options.auth");
        var r2 = runs.submit(agent(), "app-generation-google", payload(apiServer, "{\"maxOperations\":500}"));
        assertThat(r2.status()).isEqualTo(400);
        assertThat(r2.json().get("error").get("details").toString()).contains("payload.options.maxOperations");
    }
}
