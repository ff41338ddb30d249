package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.sources.GitHttpStandIn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ai-integration} end to end over the HTTP API, on a git source served over smart HTTP: the task succeeds with
 * ranked opportunities whose evidence is in the repository, its {@code ai-integration.patch} applies with the real
 * {@code git apply} to a clone of the analysed revision, and the model step (the runtime's OpenAI stand-in) either
 * rewrites the rationales inside the structure or, when its answer is not usable, leaves the deterministic text and
 * says why.
 */
class AiIntegrationIT {
    static Path repoDir;
    static Git repo;
    static GitHttpStandIn server;
    static RagSourcesRuntime runtime;
    static TaskTypeRuns runs;

    @BeforeAll
    static void start() throws Exception {
        runtime = RagSourcesRuntime.get();
        runs = new TaskTypeRuns(runtime.api);
        repoDir = Files.createTempDirectory("luna-ai-integration-repo");
        repo = Git.init().setDirectory(repoDir.toFile()).setInitialBranch("main").call();
        write("package.json", "{\"name\": \"notes\", \"version\": \"1.0.0\", \"dependencies\": {\"express\": \"^4.21.2\"}}\n");
        write("src/server.ts", """
                import express from "express";

                interface FeedbackRequest {
                  email: string;
                  message: string;
                }

                const app = express();
                app.get("/api/notes/search", (req, res) => {
                  res.json([]);
                });
                app.post("/api/feedback", (req, res) => {
                  const body: FeedbackRequest = req.body;
                  res.status(202).json({ length: body.message.length });
                });
                app.use((err: Error, req: express.Request, res: express.Response, next: express.NextFunction) => {
                  console.error("request failed", err);
                  res.status(500).end();
                });
                app.listen(3000);
                """);
        write("help/faq.md", "# FAQ\n\nNotes are private.\n");
        repo.add().addFilepattern(".").call();
        repo.commit().setMessage("Notes API").setAuthor("Dev", "dev@example.com").setCommitter("Dev", "dev@example.com").setSign(false).call();
        server = new GitHttpStandIn(repo.getRepository());
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.openai.text = "Hello from the stand-in, in five pieces.";
        server.close();
        repo.close();
        FileUtils.delete(repoDir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
    }

    static void write(String path, String content) throws Exception {
        Path p = repoDir.resolve(path);
        Files.createDirectories(p.getParent() == null ? repoDir : p.getParent());
        Files.writeString(p, content);
    }

    /** A running agent with the ai-integration capability (the shared test agent predates this type). */
    static String agent() {
        var created = runtime.api.post("/api/v1/agents", """
                {"name":"%s","type":"task-executor","version":"1.0.0","config":{"runtime":"java","capabilities":["ai-integration"]},
                 "resourceQuota":{"maxConcurrentTasks":100}}
                """.formatted(TestRuntime.unique("ai-planner")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.data().get("id").asString();
        assertThat(runtime.api.post("/api/v1/agents/" + id + "/start", null).status()).isEqualTo(200);
        return id;
    }

    String payload(String brief) {
        return "{\"source\":{\"type\":\"git\",\"url\":\"" + server.url() + "\",\"ref\":\"main\"},\"brief\":\"" + brief
                + "\",\"options\":{\"language\":\"auto\",\"volumes\":{\"default\":20000}}}";
    }

    @Test
    void aRepositoryGetsRankedOpportunitiesAndAPatchThatApplies() throws Exception {
        runtime.openai.text = "this is not JSON";
        var task = runs.run(agent(), "ai-integration", payload("a notes app"));
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        var result = task.get("result");
        assertThat(result.get("opportunities").findValuesAsString("kind")).contains("semantic-search", "anomaly-explanation", "support-assistant");
        assertThat(result.get("opportunities").get(0).get("evidence").get(0).get("file").asString()).isNotEmpty();
        assertThat(result.get("patch").get("language").asString()).isEqualTo("typescript");
        assertThat(result.get("cost").get("defaultRequestsPerMonth").asLong()).isEqualTo(20000);
        assertThat(result.get("cost").get("rows").findValuesAsString("model")).contains("gpt-4.1-nano");
        assertThat(result.get("model").get("used").asBoolean()).isFalse();
        assertThat(result.get("model").get("reason").asString()).contains("deterministic");
        assertThat(task.get("progress").get("steps").findValuesAsString("name"))
                .containsExactly("checkout", "analyse", "generate", "validate", "enhance", "package");

        var artifacts = runs.artifacts(task.get("id").asString());
        assertThat(artifacts).containsOnlyKeys("ai-integration.md", "ai-integration.patch");
        assertThat(new String(artifacts.get("ai-integration.md"), StandardCharsets.UTF_8)).contains("## Opportunity map", "## Cost estimate per month");
        Path clone = Files.createTempDirectory("luna-ai-integration-clone");
        try {
            Git.cloneRepository().setURI(repoDir.toUri().toString()).setDirectory(clone.toFile()).call().close();
            Path file = clone.resolve("../ai-integration-" + ProcessHandle.current().pid() + ".patch").normalize();
            Files.write(file, artifacts.get("ai-integration.patch"));
            try {
                assertThat(git(clone, "apply", "--check", file.toString())).isZero();
                assertThat(git(clone, "apply", file.toString())).isZero();
            } finally {
                Files.deleteIfExists(file);
            }
            assertThat(clone.resolve("src/lunaAi/lunaAiClient.ts")).exists();
            assertThat(clone.resolve("luna-ai/prompts/semantic-search.txt")).exists();
        } finally {
            FileUtils.delete(clone.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
        }
    }

    @Test
    void aModelRewritesTheRationalesInsideTheStructure() throws Exception {
        runtime.openai.text = "not yet";
        var first = runs.run(agent(), "ai-integration", payload("first pass"));
        var ids = new ArrayList<String>();
        first.get("result").get("opportunities").forEach(o -> ids.add(o.get("id").asString()));
        var answer = new StringBuilder("{\"opportunities\": [");
        for (int i = 0; i < Math.min(10, ids.size()); i++) {
            answer.append(i == 0 ? "" : ",").append("{\"id\": \"").append(ids.get(i))
                    .append("\", \"rationale\": \"Written by the stand-in model for this notes app; users find and file notes faster.\"}");
        }
        runtime.openai.text = answer.append("]}").toString();
        var task = runs.run(agent(), "ai-integration", payload("second pass"));
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        var result = task.get("result");
        assertThat(result.get("model").get("used").asBoolean()).as(result.get("model").toString()).isTrue();
        assertThat(result.get("opportunities").get(0).get("rationale").asString()).startsWith("Written by the stand-in model");
        assertThat(result.get("opportunities").findValuesAsString("id")).isEqualTo(ids);
        var md = new String(runs.artifacts(task.get("id").asString()).get("ai-integration.md"), StandardCharsets.UTF_8);
        assertThat(md).contains("Written by the stand-in model", "written by a model from the evidence");
    }

    @Test
    void anUnknownLanguageIsAFourHundredNamingTheField() {
        var r = runs.submit(agent(), "ai-integration", "{\"source\":{\"type\":\"git\",\"url\":\"" + server.url()
                + "\"},\"options\":{\"language\":\"cobol\"}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").get("details").toString()).contains("payload.options.language");
    }

    static int git(Path dir, String... args) throws Exception {
        var command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (process.exitValue() != 0) System.err.println("git " + String.join(" ", args) + ":\n" + out);
        return process.exitValue();
    }
}
