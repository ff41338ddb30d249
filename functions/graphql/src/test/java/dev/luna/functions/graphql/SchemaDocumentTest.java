package dev.luna.functions.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/schema.graphql is the served schema, printed: this fails when they differ. After changing
 * {@code graphql/schema.graphqls}, run this test with {@code -Dschema.update=true} to rewrite the file, and review it.
 */
class SchemaDocumentTest {
    @Test
    void checkedInSchemaIsTheServedOne() throws Exception {
        Path file = root().resolve("docs/schema.graphql");
        String served = GraphqlFunctions.printedSchema();
        if (Boolean.getBoolean("schema.update")) Files.writeString(file, served, StandardCharsets.UTF_8);
        assertThat(file).as("docs/schema.graphql (run SchemaDocumentTest with -Dschema.update=true to write it)").exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("docs/schema.graphql differs from the served schema: run SchemaDocumentTest with -Dschema.update=true and review")
                .isEqualTo(served);
    }

    @Test
    void schemaServesEveryOperationOfTheApi() {
        var schema = new GraphqlEngine(null, null).schema();
        assertThat(schema.getQueryType().getFieldDefinitions()).extracting(f -> f.getName())
                .contains("projects", "agents", "tasks", "queues", "usage", "budgets", "ragIndex");
        assertThat(schema.getMutationType().getFieldDefinitions()).extracting(f -> f.getName())
                .containsExactlyInAnyOrder("registerAgent", "updateAgent", "startAgent", "stopAgent", "submitTask", "cancelTask", "retryTask");
        assertThat(schema.getSubscriptionType().getFieldDefinitions()).extracting(f -> f.getName())
                .containsExactlyInAnyOrder("taskProgress", "agentHealth", "tokenAlert", "systemNotification");
    }

    @Test
    void persistedQueriesAreKnownByTheirSha256() throws Exception {
        var persisted = PersistedQueries.load();
        assertThat(persisted.all()).isNotEmpty();
        persisted.all().forEach((hash, q) -> assertThat(dev.luna.core.Hashes.sha256(q.document())).isEqualTo(hash));
    }

    private static Path root() {
        String p = System.getProperty("luna.root");
        Path root = p != null && !p.isBlank() ? Path.of(p) : Path.of("").toAbsolutePath().getParent().getParent();
        if (!Files.exists(root.resolve("functions/catalog.json"))) throw new IllegalStateException("cannot find the repository root from " + root);
        return root;
    }
}
