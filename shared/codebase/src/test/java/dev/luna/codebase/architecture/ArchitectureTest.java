package dev.luna.codebase.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The architecture of the codebase module's own fixtures and of small trees written here. */
class ArchitectureTest {
    @TempDir
    Path tmp;

    @Test
    void springShopHasModulesLayersExternalsAndFlows() {
        var a = ArchitectureFixtures.recover(ArchitectureFixtures.fixture("spring-shop"));
        assertThat(a.containers()).extracting(m -> m.root()).containsExactly("", "api", "core");
        assertThat(a.components()).extracting(Component::id).containsExactly("com.acme.shop", "com.acme.shop.core", "com.acme.shop.web");
        assertThat(a.components()).extracting(Component::name).containsExactly("shop", "core", "web");
        assertThat(a.component("com.acme.shop.web").layer()).isEqualTo(Layer.WEB);
        assertThat(a.component("com.acme.shop.web").container()).isEqualTo("api");
        assertThat(a.component("com.acme.shop.core").container()).isEqualTo("core");
        assertThat(a.components()).allMatch(c -> c.files().stream().noneMatch(f -> f.contains("/test/")));
        assertThat(a.edges()).singleElement().satisfies(e -> {
            assertThat(e.from()).isEqualTo("com.acme.shop.web");
            assertThat(e.to()).isEqualTo("com.acme.shop.core");
            assertThat(e.evidence().getFirst()).isEqualTo(new Location("api/src/main/java/com/acme/shop/web/ProductController.java", 3));
        });
        assertThat(a.externals()).extracting(ExternalSystem::id).containsExactly("sql");
        var get = a.flows().stream().filter(f -> f.method().equals("GET") && f.path().equals("/api/products/{id}")).findFirst().orElseThrow();
        assertThat(get.steps()).extracting(s -> s.from() + " -> " + s.to() + ": " + s.label()).startsWith(
                "client -> com.acme.shop.web.ProductController: GET /api/products/{id}",
                "com.acme.shop.web.ProductController -> com.acme.shop.core.ProductService: find()",
                "com.acme.shop.core.ProductService -> com.acme.shop.core.ProductRepository: findById()");
        assertThat(get.steps()).noneMatch(s -> s.label().startsWith("get"));
        var web = a.metrics().stream().filter(m -> m.component().equals("com.acme.shop.web")).findFirst().orElseThrow();
        assertThat(web.efferent()).isEqualTo(1);
        assertThat(web.afferent()).isZero();
        assertThat(web.instability()).isEqualTo(1.0);
    }

    @Test
    void cyclesAndTheEdgesThatCloseThem() {
        var edges = java.util.List.of(edge("a", "b"), edge("b", "c"), edge("c", "a"), edge("c", "d"), edge("d", "e"), edge("e", "d"), edge("f", "a"));
        var cycles = Cycles.find(java.util.List.of("a", "b", "c", "d", "e", "f"), edges);
        assertThat(cycles).hasSize(2);
        assertThat(cycles.get(0).components()).containsExactly("a", "b", "c");
        assertThat(cycles.get(0).closing()).extracting(e -> e.from() + ">" + e.to()).containsExactly("c>a");
        assertThat(cycles.get(1).components()).containsExactly("d", "e");
        assertThat(cycles.get(1).closing()).extracting(e -> e.from() + ">" + e.to()).containsExactly("e>d");
    }

    @Test
    void aLongChainDoesNotOverflowTheStack() {
        var nodes = new java.util.ArrayList<String>();
        var edges = new java.util.ArrayList<ComponentEdge>();
        for (int i = 0; i < 50_000; i++) {
            nodes.add("n" + i);
            if (i > 0) edges.add(edge("n" + (i - 1), "n" + i));
        }
        edges.add(edge("n49999", "n0"));
        edges.sort(ComponentEdge.ORDER);
        var cycles = Cycles.find(nodes, edges);
        assertThat(cycles).singleElement().satisfies(c -> {
            assertThat(c.components()).hasSize(50_000);
            assertThat(c.closing()).hasSize(1);
        });
    }

    @Test
    void externalsFromManifestsImportsConfigurationAndCodeWithoutValues() {
        ArchitectureFixtures.write(tmp, "package.json", "{\"name\": \"x\", \"dependencies\": {\"kafkajs\": \"2.2.4\", \"mongoose\": \"8.0.0\"},"
                + " \"devDependencies\": {\"redis\": \"4.0.0\"}}\n");
        ArchitectureFixtures.write(tmp, "src/db/client.js", "const mongoose = require('mongoose');\nmodule.exports = mongoose;\n");
        ArchitectureFixtures.write(tmp, "src/jobs/notify.js", "const x = require('../db/client');\nfetch('https://hooks.example.com/x');\n");
        ArchitectureFixtures.write(tmp, "docker-compose.yml", "services:\n  cache:\n    image: redis:7\n");
        ArchitectureFixtures.write(tmp, ".env", "MONGO_URL=mongodb://admin:Pw9xQ2zLk4@mongo:27017/app\n");
        var a = ArchitectureFixtures.recover(tmp);
        assertThat(a.externals()).extracting(ExternalSystem::id).containsExactly("redis", "mongodb", "http-apis", "kafka");
        var mongo = a.externals().stream().filter(x -> x.id().equals("mongodb")).findFirst().orElseThrow();
        assertThat(mongo.usedBy()).containsExactly("src/db");
        assertThat(mongo.evidence()).extracting(e -> e.how() + " " + e.at()).contains("config .env:1", "dependency package.json:1", "import src/db/client.js:1");
        assertThat(mongo.evidence().toString()).doesNotContain("Pw9xQ2zLk4").doesNotContain("admin");
        var redis = a.externals().stream().filter(x -> x.id().equals("redis")).findFirst().orElseThrow();
        assertThat(redis.evidence()).extracting(e -> e.how()).containsExactly("config");
        assertThat(a.externals().stream().filter(x -> x.id().equals("http-apis")).findFirst().orElseThrow().usedBy()).containsExactly("src/jobs");
    }

    @Test
    void layersFromNamesAndViolationsWhenDataUsesWeb() {
        ArchitectureFixtures.write(tmp, "src/main/java/com/x/web/PageController.java", "package com.x.web;\n\npublic class PageController {\n}\n");
        ArchitectureFixtures.write(tmp, "src/main/java/com/x/persistence/PageStore.java",
                "package com.x.persistence;\n\nimport com.x.web.PageController;\n\npublic class PageStore {\n    PageController c;\n}\n");
        var a = ArchitectureFixtures.recover(tmp);
        assertThat(a.component("com.x.web").layer()).isEqualTo(Layer.WEB);
        assertThat(a.component("com.x.persistence").layer()).isEqualTo(Layer.DATA);
        assertThat(a.violations()).singleElement().satisfies(v -> {
            assertThat(v.from()).isEqualTo("com.x.persistence");
            assertThat(v.to()).isEqualTo("com.x.web");
            assertThat(v.evidence()).containsExactly(new Location("src/main/java/com/x/persistence/PageStore.java", 3));
        });
    }

    private static ComponentEdge edge(String from, String to) {
        return new ComponentEdge(from, to, 1, java.util.List.of(new Location(from + ".java", 1)));
    }
}
