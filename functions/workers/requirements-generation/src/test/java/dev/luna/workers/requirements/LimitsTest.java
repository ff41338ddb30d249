package dev.luna.workers.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and unusual input: text that reads like Gherkin keywords, tags, tables and doc strings in names, paths and
 * README claims; a secret in configuration; a huge minified line; a binary file; hundreds of endpoints (caps). The
 * output still parses, validates and links to real lines, and never carries the secret.
 */
class LimitsTest {
    static final String SECRET = "sk_live_4eC39HqLyjWDarjtT1zdp7dcX9aQ2b";
    @TempDir
    Path tmp;

    private void write(Path root, String path, String content) throws Exception {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    @Test
    void gherkinLookalikesSecretsAndJunkStillGiveValidOutput() throws Exception {
        Path root = tmp.resolve("hostile");
        write(root, "README.md", "# X\n\n## Features\n\n- Given a user | with \"\"\" quotes\n- @tag # not a comment\n- Scenario: fake one\n- Feature: nested\n");
        write(root, "src/main/resources/application.properties", "payments.key=" + SECRET + "\nserver.ssl.enabled=true\n");
        write(root, "web/routes.js", "const routes = [{ path: '/given', component: A }, { path: '/@x|\"\"\"', component: B }];\n"
                + "app.get('/Given/{id}', h);\n" + "x".repeat(50_000) + "\n");
        write(root, "server/app.js", "const express = require('express');\nconst app = express();\napp.get('/feature/:id', (req, res) => res.send('" + SECRET + "'));\n"
                + "app.post('/scenario', (req, res) => res.send('ok'));\n");
        write(root, "src/test/java/x/FeatureTest.java", "package x;\n\nclass FeatureTest {\n    @org.junit.jupiter.api.Test\n    void test() {\n    }\n\n"
                + "    @org.junit.jupiter.api.Test\n    @org.junit.jupiter.api.DisplayName(\"   \")\n    void blank() {\n    }\n}\n");
        Files.write(root.resolve("blob.bin"), new byte[] {0, 1, 2, (byte) 0xff, 0, 10, 13});
        var out = Fixture.generate(root, new RequirementsOptions(null, "Given @admin | \"\"\""), "Given a brief\nwith lines");
        assertThat(out.problems()).isEmpty();
        assertThat(FixturesTest.parseErrors(out.features())).isEmpty();
        assertThat(new LinkCheck(root).check(out.json()).broken).isEmpty();
        String all = out.markdown() + out.json() + new String(out.features().values().stream().map(b -> new String(b, StandardCharsets.UTF_8))
                .reduce("", String::concat).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(all).doesNotContain(SECRET).contains("given admin");
        assertThat(out.features()).containsKey("features/feature.feature");
    }

    @Test
    void capsBoundTheDocumentAndCountWhatTheyLeftOut() throws Exception {
        Path root = tmp.resolve("big");
        var sb = new StringBuilder("const express = require('express');\nconst app = express();\n");
        for (int i = 0; i < 200; i++) sb.append("app.get('/things/:id").append(i).append("', (req, res) => res.send('x'));\n");
        for (int i = 0; i < 200; i++) sb.append("app.get('/zone-").append(i).append("', (req, res) => res.send('x'));\n");
        write(root, "server.js", sb.toString());
        var out = Fixture.generate(root, RequirementsOptions.DEFAULT, null);
        assertThat(out.problems()).isEmpty();
        assertThat(out.doc().features()).hasSize(FeaturePlanner.MAX_FEATURES);
        assertThat(out.doc().features().stream().mapToInt(f -> f.stories().size()).max().orElse(0)).isEqualTo(FeaturePlanner.MAX_STORIES_PER_FEATURE);
        assertThat(out.doc().omitted()).containsKeys("features", "stories");
        assertThat(out.json().get("summary").get("omitted").get("stories").asInt()).isEqualTo((200 - 60) + (200 - 149));
        assertThat(out.doc().omitted().get("features")).isEqualTo(200 - 149);
    }

    @Test
    void anEmptyProjectSucceedsWithAnEmptyButValidDocument() throws Exception {
        Path root = tmp.resolve("empty");
        write(root, "notes.txt", "nothing here\n");
        var out = Fixture.generate(root, RequirementsOptions.DEFAULT, null);
        assertThat(out.problems()).isEmpty();
        assertThat(out.features()).isEmpty();
        assertThat(out.markdown()).contains("No behaviour was found");
    }
}
