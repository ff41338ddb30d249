package dev.luna.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private static final Path ROOT = Path.of(System.getProperty("luna.root"));

    @Test
    void aKeyGivenTwiceIsAnError() {
        String json = """
                {"version":1,"defaults":{"memoryMb":1,"timeoutSeconds":1,"runtime":"java21"},"modules":{},
                 "functions":{"a":{"module":"m","bean":"a","trigger":{"type":"http"}},"a":{"module":"m","bean":"b","trigger":{"type":"http"}}}}
                """;
        assertThatThrownBy(() -> Catalog.parse(json)).hasMessageContaining("Duplicate").hasMessageContaining("\"a\"");
    }

    @Test
    void theRepositorysCatalogHasNoKeyTwice() throws Exception {
        var catalog = Catalog.parse(Files.readString(ROOT.resolve("functions/catalog.json")));
        assertThat(catalog.functions()).isNotEmpty();
        assertThat(catalog.functions().keySet()).doesNotHaveDuplicates();
    }

    @Test
    void everyTaskFunctionDeclaresItsTypeWithASchemaThatIsShipped() {
        var catalog = Catalog.load();
        assertThat(catalog.taskWorkers()).isNotEmpty();
        catalog.taskWorkers().forEach((type, fn) -> {
            assertThat(fn.task()).as(fn.name() + " declares its task type").isNotNull();
            assertThat(fn.task().timeoutSeconds()).as(fn.name()).isBetween(1, fn.timeoutSeconds() - 30);
            assertThat(fn.task().description()).as(fn.name()).isNotBlank();
            assertThat(Catalog.taskPayloadSchema(fn.task().payloadSchema()).path("type").asString()).as(fn.name()).isEqualTo("object");
        });
    }

    @Test
    void everyModuleCollaboratorIsAnotherModulesClassName() {
        Catalog.load().modules().forEach((name, module) -> module.collaborators().forEach(c ->
                assertThat(c).as(name).matches("dev\\.luna\\.[a-z.]+\\.[A-Z][A-Za-z]+")));
    }
}
