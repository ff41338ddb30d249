package dev.luna.workers.requirements;

import dev.luna.testkit.Golden;
import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.gherkin.GherkinParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixtures end to end through the deterministic core: golden requirements.md, requirements.json and feature files;
 * every feature file accepted by the official Gherkin parser; every evidence link resolving in the checkout.
 */
class FixturesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"spring-shop", "express-todo", "python-cli"})
    void goldenOutputsParseAndResolve(String name) throws Exception {
        Path dir = tmp.resolve(name);
        var out = Fixture.txtar(name, dir);
        assertThat(out.problems()).isEmpty();
        Golden.check(name + "/requirements.md", out.markdownBytes());
        Golden.check(name + "/requirements.json", out.jsonBytes());
        var all = new StringBuilder();
        out.features().forEach((path, bytes) -> all.append("==> ").append(path).append(" <==\n").append(new String(bytes, StandardCharsets.UTF_8)));
        Golden.check(name + "/features.txt", all.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(parseErrors(out.features())).isEmpty();
        var links = new LinkCheck(dir).check(out.json());
        assertThat(links.broken).isEmpty();
        assertThat(links.checked).isGreaterThan(10);
    }

    @Test
    void springShopStoriesCarryRolesValidationAndQuestions() throws Exception {
        var out = Fixture.txtar("spring-shop", tmp.resolve("shop"));
        var json = out.json();
        var stories = json.findValues("stories");
        String text = json.toString();
        assertThat(text).contains("As an admin I want to submit a product so that the system records it.")
                .contains("the response status is 201").contains("is refused without the ADMIN role")
                .contains("rejects a name that breaks @NotBlank").contains("without the query parameter \\\"q\\\" is rejected")
                .contains("Which values of OrderRequest should POST /api/orders accept?")
                .contains("Should DELETE /api/products/{id} require the ADMIN role")
                .contains("decide whether deleting a product also cancels its open orders")
                .contains("purgeAbandonedCarts").contains("\\\"payments\\\"").contains("Lists products a page at a time");
        assertThat(stories).isNotEmpty();
        var categories = json.get("nonFunctional").findValuesAsString("category");
        assertThat(categories).contains("timeout", "limit", "hashing", "tls", "caching", "retry", "auth", "access");
        assertThat(text).doesNotContain("PAYMENTS_KEY}").as("values of configuration are never copied");
    }

    static java.util.List<String> parseErrors(Map<String, byte[]> features) {
        var parser = GherkinParser.builder().build();
        var errors = new ArrayList<String>();
        features.forEach((path, bytes) -> parser.parse(path, bytes).forEach(e -> e.getParseError().ifPresent(p -> errors.add(path + ": " + p.getMessage()))));
        return errors;
    }
}
