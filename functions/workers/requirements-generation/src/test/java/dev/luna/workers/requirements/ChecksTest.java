package dev.luna.workers.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** The checks that guard success can fail: a broken feature file, a JSON document off its schema, a link outside its file. */
class ChecksTest {
    @TempDir
    Path tmp;

    @Test
    void theGherkinParserRejectsABrokenFeatureFile() {
        assertThat(GherkinCheck.problems("features/x.feature", "Feature: X\n  Scenario: a\n    Given one\n  Given two\n".getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty();
        assertThat(GherkinCheck.problems("features/y.feature", "Feature: Y\n  Rule: r\n    Scenario: s\n      Given a\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(GherkinCheck.problems("features/z.feature", "Feature: Z\n".getBytes(StandardCharsets.UTF_8))).containsExactly("features/z.feature: no scenario");
    }

    @Test
    void theSchemaRejectsAChangedDocumentAndBrokenLinksAreFound() throws Exception {
        var out = Fixture.txtar("spring-shop", tmp.resolve("shop"));
        var json = (ObjectNode) Json.tree(out.json().toString());
        ((ObjectNode) json.get("features").get(0)).put("id", "feature one");
        ((ObjectNode) json.get("features").get(0).get("evidence").get(0)).put("startLine", 0);
        assertThat(OutputChecks.SCHEMA.validate(json, "requirements.json")).extracting(v -> v.field())
                .contains("requirements.json.features[0].id", "requirements.json.features[0].evidence[0].startLine");

        var links = new Links(java.util.List.of(new dev.luna.codebase.lang.SourceFile("a.java", "java", 10, 100)));
        assertThat(links.resolves(new Link("a.java", 3, 10))).isTrue();
        assertThat(links.resolves(new Link("a.java", 3, 11))).isFalse();
        assertThat(links.resolves(new Link("b.java", 1, 1))).isFalse();
        assertThat(links.of("a.java", 12, 14)).isNull();
        assertThat(links.of("a.java", 8, 40)).isEqualTo(new Link("a.java", 8, 10));
        var checked = OutputChecks.problems(out.doc(), out.json(), Map.of(), links);
        assertThat(checked).anyMatch(p -> p.contains("does not resolve"));
    }

    @Test
    void gherkinLikeDescriptionsAreDefused() {
        assertThat(GherkinText.description("Given: the feature")).isEqualTo("- Given: the feature");
        assertThat(GherkinText.description("# comment")).isEqualTo("- # comment");
        assertThat(GherkinText.description("Products: what the code shows")).isEqualTo("Products: what the code shows");
        assertThat(GherkinText.line("a\nb\r\nc")).isEqualTo("a b c");
    }
}
