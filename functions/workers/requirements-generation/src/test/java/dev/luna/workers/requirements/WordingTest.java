package dev.luna.workers.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model's wording goes into the same structure (ids, roles, criteria and evidence unchanged); an answer off its
 * schema is refused; wording that would break a feature file fails the re-check (the worker then keeps the deterministic text).
 */
class WordingTest {
    @TempDir
    Path tmp;

    @Test
    void wordingChangesTextOnly() throws Exception {
        var out = Fixture.txtar("spring-shop", tmp.resolve("shop"));
        var answer = Json.tree("""
                {"features": [{"id": "F5", "title": "Product catalogue", "description": "Browse, search and manage the products the shop sells."}],
                 "stories": [{"id": "F5.S1", "want": "I want to browse the catalogue page by page", "soThat": "so that I can find something to buy."},
                             {"id": "F99.S1", "want": "to be ignored", "soThat": "unknown ids change nothing"}]}""");
        assertThat(Wording.ANSWER.validate(answer, "answer")).isEmpty();
        var improved = Wording.apply(out.doc(), answer);
        var f5 = improved.features().get(4);
        assertThat(f5.title()).isEqualTo("Product catalogue");
        assertThat(f5.stories().getFirst().sentence()).isEqualTo("As a user I want to browse the catalogue page by page so that I can find something to buy.");
        assertThat(f5.stories().getFirst().scenarios()).isEqualTo(out.doc().features().get(4).stories().getFirst().scenarios());
        assertThat(Trace.rows(improved).stream().map(Trace::links).toList()).isEqualTo(Trace.rows(out.doc()).stream().map(Trace::links).toList());
        var rendered = Outputs.render(improved, null, new Links(Fixture.model(tmp.resolve("shop"))));
        assertThat(rendered.problems()).isEmpty();
    }

    @Test
    void answersOffTheirSchemaAreRefused() {
        assertThat(Wording.ANSWER.validate(Json.tree("{\"features\": [], \"stories\": [{\"id\": \"F1.S1\", \"want\": \"x\"}]}"), "answer")).isNotEmpty();
        assertThat(Wording.ANSWER.validate(Json.tree("{\"features\": [{\"id\": \"Feature 1\", \"title\": \"abc\", \"description\": \"long enough text\"}], \"stories\": []}"), "answer")).isNotEmpty();
    }
}
