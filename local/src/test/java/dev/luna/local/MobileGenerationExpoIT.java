package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import dev.luna.sources.GitHttpStandIn;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.zip.ZipInputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mobile-generation-expo} end to end over the HTTP API, on git sources served over smart HTTP: a Spring API
 * becomes an Expo app in project.zip; a project without an API gets an app shell with a note; a bad bundle id is a 400
 * naming the field; audit mode reports a React Native screen's HIG violations with a patch; a model's empty-state copy
 * is used when it fits its schema.
 */
class MobileGenerationExpoIT {
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
        apiDir = Files.createTempDirectory("luna-expo-api");
        apiRepo = Git.init().setDirectory(apiDir.toFile()).setInitialBranch("main").call();
        AppGenerationOpenaiIT.write(apiDir, "pom.xml", "<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId><artifactId>notes</artifactId><version>1</version></project>\n");
        AppGenerationOpenaiIT.write(apiDir, "src/main/java/com/acme/Note.java", "package com.acme;\n\npublic record Note(long id, String title, String body) {\n}\n");
        AppGenerationOpenaiIT.write(apiDir, "src/main/java/com/acme/NoteController.java", """
                package com.acme;

                import java.util.List;
                import org.springframework.web.bind.annotation.*;

                @RestController
                @RequestMapping("/notes")
                public class NoteController {
                    /** The notes, newest first. */
                    @GetMapping
                    public List<Note> list() {
                        return List.of();
                    }

                    @GetMapping("/{id}")
                    public Note get(@PathVariable long id) {
                        return null;
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
        AppGenerationOpenaiIT.write(apiDir, "mobile/Header.tsx", """
                import { Pressable, Text } from 'react-native';
                import { Ionicons } from '@expo/vector-icons';
                export function Header({ onBack }: { onBack: () => void }) {
                  return (
                    <Pressable onPress={onBack} style={{ width: 30, height: 30 }}>
                      <Ionicons name="arrow-back" />
                    </Pressable>
                  );
                }
                export const title = <Text style={{ fontSize: 18, color: '#999' }}>Notes</Text>;
                """);
        AppGenerationOpenaiIT.commit(apiRepo);
        apiServer = new GitHttpStandIn(apiRepo.getRepository());
        libDir = Files.createTempDirectory("luna-expo-lib");
        libRepo = Git.init().setDirectory(libDir.toFile()).setInitialBranch("main").call();
        AppGenerationOpenaiIT.write(libDir, "src/slug.js", "export function slug(s) { return s.toLowerCase(); }\n");
        AppGenerationOpenaiIT.commit(libRepo);
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

    static String agent() {
        var created = runtime.api.post("/api/v1/agents", """
                {"name":"%s","type":"task-executor","version":"1.0.0","config":{"runtime":"java","capabilities":["mobile-generation-expo"]},
                 "resourceQuota":{"maxConcurrentTasks":100}}
                """.formatted(TestRuntime.unique("expo-app")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.data().get("id").asString();
        assertThat(runtime.api.post("/api/v1/agents/" + id + "/start", null).status()).isEqualTo(200);
        return id;
    }

    static String payload(GitHttpStandIn server, String options) {
        return "{\"source\":{\"type\":\"git\",\"url\":\"" + server.url() + "\",\"ref\":\"main\"},\"options\":" + options + "}";
    }

    static TreeMap<String, String> unzip(byte[] zip) throws Exception {
        var out = new TreeMap<String, String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void aSpringApiBecomesAnExpoApp() throws Exception {
        runtime.openai.text = "this is not JSON";
        var task = runs.run(agent(), "mobile-generation-expo", payload(apiServer,
                "{\"appName\":\"Notes\",\"bundleId\":\"com.acme.notes\",\"navigation\":\"tabs\",\"offlineSupport\":true}"));
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        var result = task.get("result");
        assertThat(result.get("summary").get("apiFound").asBoolean()).isTrue();
        assertThat(result.get("summary").get("resources").asInt()).isEqualTo(1);
        assertThat(result.get("summary").get("bundleId").asString()).isEqualTo("com.acme.notes");
        assertThat(result.get("resources").get(0).get("create").asString()).isEqualTo("POST /notes");
        assertThat(result.get("model").get("used").asBoolean()).isFalse();
        assertThat(task.get("progress").get("steps").findValuesAsString("name"))
                .containsExactly("checkout", "analyse", "generate", "validate", "enhance", "package");
        var artifacts = runs.artifacts(task.get("id").asString());
        assertThat(artifacts).containsOnlyKeys("project.zip", "README.md");
        var files = unzip(artifacts.get("project.zip"));
        assertThat(files).containsKeys("app/_layout.tsx", "app/(tabs)/_layout.tsx", "app/(tabs)/notes.tsx", "app/notes/[id].tsx", "app/notes/form.tsx",
                "src/api/client.ts", "src/api/__tests__/client.test.ts", "src/data/DataProvider.tsx", "package.json", "package-lock.json", "app.json", "FILES");
        assertThat(files.get("src/data/DataProvider.tsx")).contains("PersistQueryClientProvider");
        assertThat(Json.tree(files.get("app.json")).at("/expo/ios/bundleIdentifier").asString()).isEqualTo("com.acme.notes");
    }

    @Test
    void aProjectWithoutAnApiGetsAnAppShell() throws Exception {
        var task = runs.run(agent(), "mobile-generation-expo", payload(libServer, "{}"));
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        assertThat(task.get("result").get("summary").get("apiFound").asBoolean()).isFalse();
        assertThat(task.get("result").get("message").asString()).startsWith("No API found");
        var files = unzip(runs.artifacts(task.get("id").asString()).get("project.zip"));
        assertThat(files.get("src/copy.ts")).contains("No API was found in this project");
    }

    @Test
    void aBadBundleIdIsAFourHundredNamingTheField() {
        var r = runs.submit(agent(), "mobile-generation-expo", payload(apiServer, "{\"bundleId\":\"not a bundle id\"}"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").get("details").toString()).contains("payload.options.bundleId");
    }

    @Test
    void auditModeReportsViolationsWithAPatch() {
        var task = runs.run(agent(), "mobile-generation-expo", payload(apiServer, "{\"mode\":\"audit\"}"));
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        var counts = task.get("result").get("counts");
        assertThat(counts.get("hig-icon-label").asInt()).isEqualTo(1);
        assertThat(counts.get("hig-hit-target").asInt()).isEqualTo(2);
        assertThat(counts.get("hig-font-size").asInt()).isEqualTo(1);
        var artifacts = runs.artifacts(task.get("id").asString());
        assertThat(new String(artifacts.get("hig-report.md"), StandardCharsets.UTF_8)).contains("`mobile/Header.tsx:5`");
        assertThat(new String(artifacts.get("hig.patch"), StandardCharsets.UTF_8)).contains("+++ b/mobile/Header.tsx")
                .contains("accessibilityLabel=\"Arrow back\"");
    }

    @Test
    void aModelWritesTheEmptyStates() {
        runtime.openai.text = "{\"resources\": [{\"key\": \"notes\", \"emptyTitle\": \"Nothing written yet\", "
                + "\"emptyMessage\": \"Tap New note to write your first note.\"}]}";
        var task = runs.run(agent(), "mobile-generation-expo", payload(apiServer, "{\"appName\":\"Notes\"}"));
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        assertThat(task.get("result").get("model").get("used").asBoolean()).as(task.get("result").get("model").toString()).isTrue();
        assertThat(task.get("result").get("model").get("note").asString()).contains("written by a model");
    }

    @Test
    void theReadmeWalkthroughWorksAsWritten() throws Exception {
        // as ./scripts/local runs: local git paths allowed
        String output = ReadmeWalkthroughIT.run("README.md", "expo-walkthrough",
                java.util.Map.of("LUNA_RAG_GIT_ALLOW_LOCAL", "true", "LUNA_RAG_GIT_ALLOW_PRIVATE_HOSTS", "true"));
        assertThat(output).contains("\"apiFound\":true").contains("app/(tabs)/notes.tsx").contains("app/notes/form.tsx").contains("src/api/client.ts")
                .contains("# HIG and accessibility audit").contains("hig.patch applies").contains("payload.options.bundleId");
    }
}
