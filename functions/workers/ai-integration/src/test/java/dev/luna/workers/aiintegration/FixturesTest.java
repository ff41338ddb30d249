package dev.luna.workers.aiintegration;

import dev.luna.testkit.GitCli;
import dev.luna.testkit.Golden;

import dev.luna.testkit.Txtar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.workers.aiintegration.find.Opportunity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three fixture projects end to end: analysed as git repositories, ai-integration.md and ai-integration.patch
 * match the goldens, the opportunities the fixtures were built to show are found with the right evidence, the patch
 * applies with the real git apply, and the patched project passes its ecosystem's own tools: javac and the generated
 * JUnit test (Java), tsc --noEmit and the generated node:test file on Node 22 (TypeScript), py_compile and the generated
 * unittest (Python).
 */
class FixturesTest {
    @TempDir
    static Path tmp;
    static GitCli git;

    @BeforeAll
    static void setUp() throws Exception {
        git = new GitCli(tmp.resolve("home"));
    }

    record Fixture(Runs.Run run, Path copy) {
        List<String> kinds() {
            return run.report().opportunities().stream().map(Opportunity::kind).distinct().toList();
        }

        Opportunity first(String kind) {
            return run.report().opportunities().stream().filter(o -> o.kind().equals(kind)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + " among " + run.report().opportunities()));
        }

        List<String> evidence(String kind) {
            var out = new ArrayList<String>();
            run.report().opportunities().stream().filter(o -> o.kind().equals(kind)).forEach(o -> o.evidence().forEach(s -> out.add(s.location())));
            return out;
        }
    }

    static Fixture fixture(String name) throws Exception {
        Path dir = Txtar.write(name, tmp.resolve(name));
        git.commitAll(dir, "Fixture " + name);
        var run = Runs.run(dir, git.files(dir), IntegrationOptions.defaults());
        assertThat(run.problems()).isEmpty();
        Golden.check(name + "/ai-integration.md", run.markdown().getBytes(StandardCharsets.UTF_8));
        Golden.check(name + "/ai-integration.patch", run.patch());
        Path clone = git.cloneTo(dir, tmp.resolve(name + "-clone"));
        git.apply(clone, run.patch());
        return new Fixture(run, clone);
    }

    @Test
    void javaShop() throws Exception {
        var f = fixture("java-shop");
        assertThat(f.run().report().target().language()).isEqualTo("java");
        assertThat(f.kinds()).contains("semantic-search", "text-classification", "summarisation", "support-assistant", "form-autofill",
                "anomaly-explanation");
        assertThat(f.first("semantic-search").subject()).isEqualTo("GET /products/search");
        assertThat(f.evidence("semantic-search")).contains("src/main/java/com/acme/shop/ProductController.java:14");
        assertThat(f.evidence("text-classification")).contains("src/main/java/com/acme/shop/TicketRequest.java:3");
        assertThat(f.evidence("anomaly-explanation")).contains("src/main/java/com/acme/shop/TicketController.java:19");
        assertThat(f.evidence("form-autofill")).contains("src/main/resources/static/contact.html:5");
        assertThat(f.evidence("support-assistant")).contains("docs/faq.md:1");
        assertThat(f.run().report().files()).containsKeys("src/main/java/com/acme/shop/ai/LunaAiClient.java",
                "src/test/java/com/acme/shop/ai/LunaAiClientTest.java", "src/main/resources/luna-ai/prompts/semantic-search.txt");
        Path classes = Toolchecks.javac(f.copy());
        long passed = Toolchecks.junit(classes, f.copy().resolve("src/main/resources"), "com.acme.shop.ai.LunaAiClientTest");
        assertThat(passed).isGreaterThanOrEqualTo(5 + f.run().report().patchKinds().size());
    }

    @Test
    void expressTypeScript() throws Exception {
        var f = fixture("express-ts");
        assertThat(f.run().report().target().language()).isEqualTo("typescript");
        assertThat(f.kinds()).contains("semantic-search", "text-classification", "anomaly-explanation", "form-autofill", "support-assistant");
        assertThat(f.first("semantic-search").subject()).isEqualTo("GET /api/notes/search");
        assertThat(f.evidence("anomaly-explanation")).contains("src/server.ts:24");
        var files = f.run().report().files().keySet().stream().filter(p -> p.endsWith(".ts")).map(f.copy()::resolve).toList();
        assertThat(files).hasSize(3);
        assertThat(Toolchecks.tsc(tmp.resolve("tsc-express"), files, "commonjs")).isEmpty();
        var ts = f.run().report().files().keySet().stream().filter(p -> p.endsWith(".ts")).toList();
        var tests = Toolchecks.nodeTest(f.copy(), ts, "src/lunaAi/lunaAiClient.test.ts");
        assertThat(tests.exit()).as(tests.output()).isZero();
        assertThat(tests.output()).contains("# pass " + (3 + f.run().report().patchKinds().size()), "# fail 0");
    }

    @Test
    void fastApi() throws Exception {
        var f = fixture("fastapi");
        assertThat(f.run().report().target().language()).isEqualTo("python");
        assertThat(f.kinds()).contains("semantic-search", "text-classification", "anomaly-explanation", "form-autofill", "support-assistant");
        assertThat(f.first("semantic-search").subject()).isEqualTo("GET /tickets/search");
        assertThat(f.evidence("text-classification")).contains("app/main.py:13");
        String python = Toolchecks.python();
        var sources = f.run().report().files().keySet().stream().filter(p -> p.endsWith(".py")).toList();
        var compile = new ArrayList<>(List.of(python, "-m", "py_compile"));
        compile.addAll(sources);
        var compiled = Toolchecks.run(f.copy(), compile.toArray(String[]::new));
        assertThat(compiled.exit()).as(compiled.output()).isZero();
        var tests = Toolchecks.run(f.copy(), python, "-m", "unittest", "-v", "luna_ai.test_luna_ai");
        assertThat(tests.exit()).as(tests.output()).isZero();
        assertThat(tests.output()).contains("OK").doesNotContain("skipped");
    }
}
