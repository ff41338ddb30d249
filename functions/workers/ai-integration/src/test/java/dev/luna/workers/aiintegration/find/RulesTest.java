package dev.luna.workers.aiintegration.find;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.codebase.Codebase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The detection rules on small cases that must and must not match. */
class RulesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"/products/search,true", "findOwners,true", "processFindForm,true", "/api/v1/lookup/{id},true", "autocomplete,true",
            "/clientSideFiltering/coupons,false", "/queries-log,false", "findings,false", "/owners/{id},false"})
    void searchWordsAreWordsOfTheirOwn(String text, boolean expected) {
        assertThat(ModelSignals.hasSearchWord(text)).isEqualTo(expected);
    }

    @Test
    void lineSignalsMatchTheirLinesAndNothingElse() throws Exception {
        write("App.java", """
                class App {
                    // ruleid: java-log-error
                    void a() { log.error("x"); }
                    // ok: a debug line
                    void b() { log.debug("error("); }
                }
                """);
        write("server.js", """
                // ruleid: express-error-middleware
                app.use((err, req, res, next) => res.status(500).end());
                // ok: a normal middleware
                app.use((req, res, next) => next());
                """);
        write("app.py", """
                # ruleid: python-log-error
                logging.exception("boom")
                # ok: info
                logging.info("error")
                """);
        write("templates/new.html", "<p>no form here</p>\n<form method=\"post\">\n");
        write("docs/faq.md", "# FAQ\n");
        write("docs/guide.txt.bak", "# FAQ\n");
        var files = List.of("App.java", "app.py", "docs/faq.md", "docs/guide.txt.bak", "server.js", "templates/new.html");
        var found = LineSignals.find(tmp, files, () -> false);
        assertThat(found).extracting(c -> c.kind() + "@" + c.spots().get(0).location()).containsExactlyInAnyOrder(
                "anomaly-explanation@App.java:3", "anomaly-explanation@server.js:2", "anomaly-explanation@app.py:2",
                "form-autofill@templates/new.html:2", "support-assistant@docs/faq.md:1");
    }

    @Test
    void projectModelSignals() throws Exception {
        write("src/main/java/a/Search.java", """
                package a;

                import org.springframework.web.bind.annotation.*;

                @RestController
                class Search {
                    @GetMapping("/items")
                    java.util.List<Item> items(@RequestParam String q) { return null; }

                    @GetMapping("/items/{id}")
                    Item one(@PathVariable long id) { return null; }

                    @PostMapping("/items")
                    Item create(@RequestBody ItemRequest r) { return null; }
                }
                """);
        write("src/main/java/a/Item.java", "package a;\n\npublic record Item(long id, String title, String body) {\n}\n");
        write("src/main/java/a/ItemRequest.java", "package a;\n\npublic record ItemRequest(String title, String notes) {\n}\n");
        var files = List.of("src/main/java/a/Item.java", "src/main/java/a/ItemRequest.java", "src/main/java/a/Search.java");
        var model = new Codebase().analyse(tmp, files, () -> false);
        var found = ModelSignals.find(model);
        assertThat(found).extracting(c -> c.kind() + " " + c.subject()).contains("semantic-search GET /items",
                "text-classification POST /items", "summarisation shape Item").doesNotContain("semantic-search GET /items/{id}");
    }

    private void write(String path, String text) throws Exception {
        Path p = tmp.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
