package dev.luna.workers.design;

import dev.luna.testkit.Golden;
import dev.luna.testkit.Txtar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.codebase.architecture.Layer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture projects end to end through the deterministic core: every artifact matches its golden file, the self-check
 * passes, and what the brief asks to find is there (external systems with evidence, the cycle with the edges that close
 * it, the layer violation, the request flow down to the database, the decisions with file:line evidence).
 */
class FixturesTest {
    @TempDir
    Path tmp;

    static Runs.Run golden(String name, Path dir, String brief) throws Exception {
        var run = Runs.run(Txtar.write(name, dir), brief, DesignOptions.DEFAULT);
        assertThat(run.generated().problems()).isEmpty();
        for (var e : run.generated().files().entrySet()) Golden.check(name + "/" + e.getKey(), e.getValue());
        return run;
    }

    @Test
    void springShop() throws Exception {
        var run = golden("shop", tmp.resolve("shop"), "Split the monolith into an order service and a billing service. Keep one database for now.");
        var m = run.model();
        assertThat(m.externals()).extracting(x -> x.id()).containsExactly("postgresql", "http-apis", "kafka");
        assertThat(m.containers()).extracting(c -> c.root()).containsExactly("", "api", "core");
        assertThat(m.component("com.acme.shop.web").layer()).isEqualTo(Layer.WEB);
        assertThat(m.component("com.acme.shop.repository").layer()).isEqualTo(Layer.DATA);
        assertThat(m.component("com.acme.shop.domain").layer()).isEqualTo(Layer.DOMAIN);
        assertThat(m.components()).extracting(c -> c.id()).doesNotContain("com.acme.shop.web.test").allMatch(id -> !id.contains("Test"));
        assertThat(m.cycles()).hasSize(1);
        assertThat(m.cycles().getFirst().closing()).extracting(e -> e.from() + " -> " + e.to())
                .containsExactly("com.acme.shop.repository -> com.acme.shop.service", "com.acme.shop.service -> com.acme.shop.billing");
        assertThat(m.violations()).singleElement().satisfies(v -> {
            assertThat(v.from()).isEqualTo("com.acme.shop.repository");
            assertThat(v.evidence().getFirst().toString()).isEqualTo("core/src/main/java/com/acme/shop/repository/OrderRepository.java:4");
        });
        String post = run.text("diagrams/sequence-1-post-orders.mmd");
        assertThat(post).contains("OrderController", "place()", "OrderRepository", "p_ext_postgresql: query", "p_ext_kafka", "p_ext_http_apis");
        assertThat(run.generated().files().keySet()).contains("adr/0001-build-the-application-on-spring-boot-and-spring-mvc-servlet.md",
                "adr/0002-keep-the-data-in-postgresql-spring-data-jpa-and-jpa.md", "adr/0003-exchange-messages-through-apache-kafka.md",
                "adr/0004-authenticate-and-authorise-with-spring-security.md", "adr/0005-build-and-package-with-maven.md");
        assertThat(run.text("adr/0003-exchange-messages-through-apache-kafka.md")).contains("* `core/pom.xml:15 — dependency org.springframework.kafka:spring-kafka`");
        String proposed = run.generated().files().keySet().stream().filter(f -> f.startsWith("adr/0006-")).findFirst().orElseThrow();
        assertThat(run.text(proposed)).contains("Status: proposed", "## Considered Options", "## Decision Outcome", "Split the monolith");
        String all = String.join("\n", run.generated().files().values().stream().map(String::new).toList());
        assertThat(all).doesNotContain("Zq8vT2mX9kLp4RwN7sYb").doesNotContain("db.internal").doesNotContain(tmp.toString());
    }

    @Test
    void expressApi() throws Exception {
        var run = golden("express", tmp.resolve("express"), null);
        var m = run.model();
        assertThat(m.externals()).extracting(x -> x.id()).contains("postgresql", "http-apis");
        assertThat(m.externals().stream().filter(x -> x.id().equals("http-apis")).findFirst().orElseThrow().technology()).contains("axios", "fetch");
        assertThat(m.component("src/routes").layer()).isEqualTo(Layer.WEB);
        assertThat(m.component("src/services").layer()).isEqualTo(Layer.SERVICE);
        assertThat(m.component("src/db").layer()).isEqualTo(Layer.DATA);
        assertThat(m.components()).extracting(c -> c.id()).doesNotContain("test");
        assertThat(run.generated().files().keySet()).noneMatch(f -> f.startsWith("adr/") && f.contains("split"))
                .anyMatch(f -> f.startsWith("adr/") && f.contains("express")).anyMatch(f -> f.startsWith("adr/") && f.contains("json-web-tokens"));
    }

    @Test
    void hostileNamesStayInsideTheirLabels() throws Exception {
        var run = golden("hostile", tmp.resolve("hostile"), "Make it \"safe\" {{now}}\n```\n# heading");
        // the directory with a backslash in its name is not read by the source reader (unsafe path), the other nine are
        assertThat(run.model().components()).hasSize(9);
        for (var e : run.generated().files().entrySet()) {
            if (!e.getKey().endsWith(".mmd") && !e.getKey().equals("workspace.dsl")) continue;
            String text = new String(e.getValue());
            assertThat(text).as(e.getKey()).doesNotContain("<script>", "{{", "`", "%%{", "$(", "\\");
        }
        assertThat(run.text("architecture.md")).doesNotContain("{{").contains("> Make it 'safe' { {now} } ''' # heading");
    }
}
