package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.structurizr.dsl.StructurizrDslParser;
import com.structurizr.model.Element;
import dev.luna.core.Json;
import dev.luna.tasks.PayloadSchema;
import dev.luna.toolchains.Toolchains;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code design-architecture} end to end over the HTTP API: a small Spring Boot service as an inline source with a
 * brief; the task succeeds without a model, its artifacts download with the listed size and hash, the Mermaid
 * diagrams (files and the blocks of architecture.md) pass mermaid 12's parser, workspace.dsl passes the Structurizr
 * DSL parser with the expected elements, dependency-graph.json fits its schema, and no artifact holds the secret
 * from the configuration. An unknown view is a 400 naming the field.
 */
class DesignArchitectureIT {
    static final String SECRET = "Hq7Lm2Vx9Rt4Kp8Zw3Nc";
    static Api api;
    static TaskTypeRuns runs;

    @BeforeAll
    static void start() {
        api = RagSourcesRuntime.get().api;
        runs = new TaskTypeRuns(api);
    }

    static String source() {
        var files = new LinkedHashMap<String, String>();
        files.put("pom.xml", "<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId><artifactId>library</artifactId>"
                + "<version>1.0.0</version><dependencies><dependency><groupId>org.springframework.boot</groupId>"
                + "<artifactId>spring-boot-starter-web</artifactId></dependency><dependency><groupId>org.springframework.boot</groupId>"
                + "<artifactId>spring-boot-starter-data-jpa</artifactId></dependency><dependency><groupId>org.postgresql</groupId>"
                + "<artifactId>postgresql</artifactId></dependency></dependencies></project>\n");
        files.put("src/main/java/com/acme/library/web/BookController.java", """
                package com.acme.library.web;

                import com.acme.library.service.BookService;
                import com.acme.library.domain.Book;
                import org.springframework.web.bind.annotation.GetMapping;
                import org.springframework.web.bind.annotation.PathVariable;
                import org.springframework.web.bind.annotation.RestController;

                @RestController
                public class BookController {
                    private final BookService books;

                    public BookController(BookService books) {
                        this.books = books;
                    }

                    @GetMapping("/books/{id}")
                    public Book get(@PathVariable long id) {
                        return books.find(id);
                    }
                }
                """);
        files.put("src/main/java/com/acme/library/service/BookService.java", """
                package com.acme.library.service;

                import com.acme.library.domain.Book;
                import com.acme.library.repository.BookRepository;
                import org.springframework.stereotype.Service;

                @Service
                public class BookService {
                    private final BookRepository repository;

                    public BookService(BookRepository repository) {
                        this.repository = repository;
                    }

                    public Book find(long id) {
                        return repository.findById(id).orElseThrow();
                    }
                }
                """);
        files.put("src/main/java/com/acme/library/repository/BookRepository.java", """
                package com.acme.library.repository;

                import com.acme.library.domain.Book;
                import org.springframework.data.jpa.repository.JpaRepository;

                public interface BookRepository extends JpaRepository<Book, Long> {
                }
                """);
        files.put("src/main/java/com/acme/library/domain/Book.java", """
                package com.acme.library.domain;

                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;

                @Entity
                public class Book {
                    @Id
                    private Long id;
                    private String title;
                }
                """);
        files.put("src/main/resources/application.properties", "spring.datasource.url=jdbc:postgresql://db:5432/library\n"
                + "spring.datasource.password=" + SECRET + "\n");
        var list = new ArrayList<Map<String, String>>();
        files.forEach((path, content) -> list.add(Map.of("path", path, "content", content)));
        return Json.mapper().writeValueAsString(Map.of("type", "inline", "files", list));
    }

    @Test
    void aServiceGetsItsArchitectureAndEveryArtifactParses() throws Exception {
        var task = runs.run(runs.agent(), "design-architecture", "{\"source\":" + source() + ",\"brief\":\"Split the catalogue from the loans\"}");
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        var result = task.get("result");
        assertThat(result.get("model").get("used").asBoolean()).as(result.get("model").toString()).isFalse();
        assertThat(result.get("summary").get("externalSystems").toString()).contains("PostgreSQL");
        assertThat(task.get("progress").get("steps").findValuesAsString("name"))
                .containsExactly("checkout", "analyse", "generate", "validate", "enhance", "package");

        var artifacts = runs.artifacts(task.get("id").asString());
        assertThat(artifacts).containsKeys("architecture.md", "workspace.dsl", "dependency-graph.json", "diagrams/context.mmd",
                "diagrams/container.mmd", "diagrams/component.mmd", "diagrams/deployment.mmd", "diagrams/dependencies.mmd",
                "diagrams/sequence-1-get-books-id.mmd");
        assertThat(artifacts.keySet()).anyMatch(n -> n.startsWith("adr/0001-")).anyMatch(n -> n.matches("adr/\\d{4}-split-the-catalogue-from-the-loans\\.md"));
        for (var bytes : artifacts.values()) assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain(SECRET);
        assertThat(result.toString()).doesNotContain(SECRET);

        Path dir = Files.createTempDirectory("luna-design-it");
        try {
            var mermaid = new ArrayList<Path>();
            for (var e : artifacts.entrySet()) {
                Path file = dir.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
                if (e.getKey().endsWith(".mmd") || e.getKey().equals("architecture.md")) mermaid.add(file);
            }
            assertThat(Toolchains.mermaid(mermaid)).isEmpty();
        } finally {
            FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
        }
        var parser = new StructurizrDslParser();
        parser.parse(new String(artifacts.get("workspace.dsl"), StandardCharsets.UTF_8));
        var model = parser.getWorkspace().getModel();
        assertThat(model.getSoftwareSystems()).extracting(Element::getName).contains("library", "PostgreSQL");
        assertThat(model.getElements()).extracting(Element::getName).contains("web", "service", "repository", "domain");

        var schema = PayloadSchema.of(Json.tree(new String(DesignArchitectureIT.class
                .getResourceAsStream("/dev/luna/workers/design/dependency-graph.schema.json").readAllBytes(), StandardCharsets.UTF_8)));
        var graph = Json.tree(new String(artifacts.get("dependency-graph.json"), StandardCharsets.UTF_8));
        assertThat(schema.validate(graph, "graph")).isEmpty();
        assertThat(graph.get("edges").findValuesAsString("from")).contains("com.acme.library.web", "com.acme.library.service");
    }

    @Test
    void anUnknownViewIsAFourHundred() {
        var r = runs.submit(runs.agent(), "design-architecture", "{\"source\":" + source() + ",\"options\":{\"views\":[\"galaxy\"]}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").get("details").toString()).contains("payload.options.views[0]");
    }
}
