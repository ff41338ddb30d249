package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import io.cucumber.gherkin.GherkinParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code requirements-generation} end to end over the HTTP API: an inline Spring project is submitted, the task
 * succeeds, its three artifacts download (size and SHA-256 as listed); every feature file in features.zip parses with
 * the official Gherkin parser and every evidence link in requirements.json resolves in the submitted files. With the
 * model stand-in answering well the wording is the model's; answering badly, the deterministic text stands. A format
 * outside the schema is a 400 naming the field.
 */
class RequirementsGenerationIT {
    static final String SECRET = "sk_live_4eC39HqLyjWDarjtT1zdp7dcX9aQ2b";
    final RagSourcesRuntime sources = RagSourcesRuntime.get();
    final TaskTypeRuns runs = new TaskTypeRuns(sources.api);

    @AfterEach
    void reset() {
        sources.openai.reset();
    }

    static Map<String, String> project() {
        var files = new LinkedHashMap<String, String>();
        files.put("pom.xml", "<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId><artifactId>vet</artifactId><version>1</version>"
                + "<dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId>"
                + "<version>3.3.0</version></dependency></dependencies></project>\n");
        files.put("src/main/resources/application.properties", "clinic.page-size=20\nclinic.api-key=" + SECRET + "\n");
        files.put("src/main/java/com/acme/vet/OwnerController.java", """
                package com.acme.vet;

                import jakarta.validation.Valid;
                import jakarta.validation.constraints.NotBlank;
                import org.springframework.security.access.prepost.PreAuthorize;
                import org.springframework.web.bind.annotation.*;

                @RestController
                @RequestMapping("/owners")
                public class OwnerController {
                    public record OwnerForm(@NotBlank String lastName, String city) {
                    }

                    @GetMapping("/{ownerId}")
                    public OwnerForm show(@PathVariable int ownerId) {
                        return null;
                    }

                    @PostMapping
                    @PreAuthorize("hasRole('CLERK')")
                    public OwnerForm create(@Valid @RequestBody OwnerForm form) {
                        return form;
                    }

                    // TODO: should removing an owner keep the visits?
                    @DeleteMapping("/{ownerId}")
                    public void remove(@PathVariable int ownerId) {
                    }
                }
                """);
        return files;
    }

    static String inline(Map<String, String> files) {
        var list = new ArrayList<Map<String, String>>();
        files.forEach((path, content) -> list.add(Map.of("path", path, "content", content)));
        return Json.write(Map.of("type", "inline", "files", list));
    }

    /** A running agent that runs requirements-generation tasks. */
    String agent() {
        var created = sources.api.post("/api/v1/agents", "{\"name\":\"" + TestRuntime.unique("requirements") + "\",\"type\":\"task-executor\","
                + "\"version\":\"1.0.0\",\"config\":{\"runtime\":\"java\",\"capabilities\":[\"requirements-generation\"],\"retryPolicy\":{\"maxAttempts\":1}}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.data().get("id").asString();
        assertThat(sources.api.post("/api/v1/agents/" + id + "/start", null).status()).isEqualTo(200);
        return id;
    }

    @Test
    void aProjectGetsRequirementsWhoseFeaturesParseAndLinksResolve() throws Exception {
        var task = runs.run(agent(), "requirements-generation", "{\"source\":" + inline(project()) + ",\"brief\":\"a vet clinic\","
                + "\"options\":{\"audience\":\"receptionist\"}}");
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        assertThat(task.get("progress").get("steps").findValuesAsString("name"))
                .containsExactly("checkout", "analyse", "generate", "validate", "enhance", "package");
        var result = task.get("result");
        assertThat(result.get("summary").get("features").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(result.get("requirements").findValuesAsString("kind")).contains("feature", "story", "acceptance-criterion", "non-functional",
                "open-question");
        var artifacts = runs.artifacts(task.get("id").asString());
        assertThat(artifacts).containsOnlyKeys("requirements.md", "requirements.json", "features.zip");
        for (var bytes : artifacts.values()) assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
        assertThat(result.toString()).doesNotContain(SECRET);

        var features = unzip(artifacts.get("features.zip"));
        assertThat(features).containsKey("features/owners.feature");
        var parser = GherkinParser.builder().build();
        var errors = new ArrayList<String>();
        features.forEach((path, bytes) -> parser.parse(path, bytes).forEach(e -> e.getParseError().ifPresent(p -> errors.add(path + ": " + p.getMessage()))));
        assertThat(errors).isEmpty();
        String owners = new String(features.get("features/owners.feature"), StandardCharsets.UTF_8);
        assertThat(owners).contains("As a clerk").contains("As a receptionist").contains("Then the response status is 403")
                .contains("rejects a lastName that breaks @NotBlank");

        var json = Json.tree(new String(artifacts.get("requirements.json"), StandardCharsets.UTF_8));
        assertThat(json.get("brief").asString()).isEqualTo("a vet clinic");
        var lines = new LinkedHashMap<String, Integer>();
        project().forEach((path, content) -> lines.put(path, (int) content.lines().count()));
        var links = new ArrayList<JsonNode>();
        collect(json, links);
        assertThat(links).hasSizeGreaterThan(10);
        for (var l : links) {
            String file = l.get("file").asString();
            assertThat(lines).as("link to %s", l).containsKey(file);
            assertThat(l.get("startLine").asInt()).as("%s", l).isBetween(1, l.get("endLine").asInt());
            assertThat(l.get("endLine").asInt()).as("%s", l).isLessThanOrEqualTo(lines.get(file));
        }
        String md = new String(artifacts.get("requirements.md"), StandardCharsets.UTF_8);
        assertThat(md).contains("## Traceability matrix").contains("should removing an owner keep the visits?");
    }

    @Test
    void aModelImprovesTheWordingAndABadAnswerLeavesTheDeterministicText() {
        sources.openai.text = """
                {"features": [{"id": "F2", "title": "Pet owners", "description": "Register pet owners and look them up at the front desk."}],
                 "stories": [{"id": "F2.S1", "want": "to register a new pet owner", "soThat": "the clinic can reach them"}]}""";
        var good = runs.run(agent(), "requirements-generation", "{\"source\":" + inline(project()) + "}");
        assertThat(good.get("status").asString()).as(good.toString()).isEqualTo("succeeded");
        var model = good.get("result").get("model");
        assertThat(model.get("used").asBoolean()).as(model.toString()).isTrue();
        assertThat(model.get("wording").asString()).startsWith("applied");
        var md = new String(runs.artifacts(good.get("id").asString()).get("requirements.md"), StandardCharsets.UTF_8);
        assertThat(md).contains("Pet owners").contains("I want to register a new pet owner so that the clinic can reach them.");
        assertThat(sources.openai.requests.toString()).doesNotContain(SECRET);

        sources.openai.text = "Sure! The owners feature lets clerks register owners.";
        var bad = runs.run(agent(), "requirements-generation", "{\"source\":" + inline(project()) + "}");
        assertThat(bad.get("status").asString()).isEqualTo("succeeded");
        assertThat(bad.get("result").get("model").get("used").asBoolean()).isFalse();
        assertThat(bad.get("result").get("model").get("wording").asString()).contains("deterministic wording stands");
        var plain = new String(runs.artifacts(bad.get("id").asString()).get("requirements.md"), StandardCharsets.UTF_8);
        assertThat(plain).doesNotContain("Pet owners").contains("### F2 Owners");
    }

    @Test
    void onlyTheAskedFormatsAreWrittenAndAnUnknownOneIsAFourHundred() {
        var task = runs.run(agent(), "requirements-generation", "{\"source\":" + inline(project()) + ",\"options\":{\"format\":[\"gherkin\"]}}");
        assertThat(task.get("status").asString()).isEqualTo("succeeded");
        assertThat(runs.artifacts(task.get("id").asString())).containsOnlyKeys("features.zip");
        var r = runs.submit(agent(), "requirements-generation", "{\"source\":" + inline(project()) + ",\"options\":{\"format\":[\"pdf\"]}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").get("details").toString()).contains("payload.options.format[0]");
    }

    @Test
    void aTaskOutOfTimeEndsTimedOutWithWhatItDerived() {
        // the agent's timeout (15 s) is less than what a run keeps back to write its results (20 s): it stops at once
        String agent = sources.api.post("/api/v1/agents", "{\"name\":\"" + TestRuntime.unique("hurried") + "\",\"type\":\"task-executor\","
                + "\"version\":\"1.0.0\",\"config\":{\"runtime\":\"java\",\"capabilities\":[\"requirements-generation\"],\"timeout\":15000,"
                + "\"retryPolicy\":{\"maxAttempts\":1}}}").data().get("id").asString();
        sources.api.post("/api/v1/agents/" + agent + "/start", null);
        var task = runs.run(agent, "requirements-generation", "{\"source\":" + inline(project()) + "}");
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("timed_out");
        assertThat(task.get("error").get("message").asString()).contains("artifacts");
        var json = Json.tree(new String(runs.artifacts(task.get("id").asString()).get("requirements.json"), StandardCharsets.UTF_8));
        assertThat(json.get("complete").asBoolean()).isFalse();
    }

    @Test
    void theReadmeWalkthroughWorksAsWritten() throws Exception {
        String output = ReadmeWalkthroughIT.run("requirements-walkthrough");
        assertThat(output).contains("\"features\"").contains("#### F").contains("Feature: Owners").contains("As a clerk")
                .contains("Then the response status is 403").contains("payload.options.format[0]");
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isObject() && node.has("file") && node.has("startLine")) out.add(node);
        else if (node.isContainer()) for (var child : node) collect(child, out);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        var out = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }
}
