package dev.luna.workers.googleagent;

import dev.luna.testkit.Golden;
import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import dev.luna.workers.googleagent.plan.AgentOptions;
import dev.luna.workers.googleagent.plan.Tool;
import dev.luna.workers.googleagent.render.AdkProject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three fixture APIs (Spring, Express, a Swagger 2.0 document): the plan, the checks, and golden outputs. */
class FixturesTest {
    @ParameterizedTest
    @ValueSource(strings = {"spring-shop", "express-todo", "openapi-petstore"})
    void generatesCheckedOutputThatMatchesTheGoldens(String fixture) throws Exception {
        var out = Generate.run(Generate.FIXTURES.resolve(fixture), AgentOptions.DEFAULT);
        assertThat(out.problems()).isEmpty();
        for (var e : Generate.all(out).entrySet()) {
            String name = e.getKey();
            if (name.equals(GoogleAgentGenerator.PROJECT) || AdkProject.copiedFile(name)) continue; // copied files are the templates themselves
            Golden.check(fixture + "/" + name, e.getValue());
        }
    }

    @Test
    void springControllerBecomesOneToolPerEndpointWithConfirmationsForChanges() {
        var plan = Generate.run(Generate.FIXTURES.resolve("spring-shop"), AgentOptions.DEFAULT).plan();
        assertThat(plan.origin()).isEqualTo("code");
        assertThat(plan.tools()).extracting(Tool::name)
                .containsExactly("listProducts", "createProduct", "deleteProduct", "getProduct", "updateProduct", "restock");
        assertThat(plan.tools()).filteredOn(Tool::confirm).extracting(Tool::method).containsExactly("POST", "DELETE", "PUT", "POST");
        var create = plan.tools().get(1);
        assertThat(create.inputs()).extracting(i -> i.wire() + ":" + i.type() + ":" + i.required())
                .containsExactly("name:string:true", "category:string:false", "price:number:true", "kind:string:false");
        assertThat(create.inputs().get(3).values()).containsExactly("BOOKS", "GAMES", "TOOLS");
        assertThat(plan.tools()).allMatch(t -> t.description().length() <= 300);
    }

    @Test
    void swaggerTwoDocumentIsConvertedAndItsTextIsUsed() {
        var plan = Generate.run(Generate.FIXTURES.resolve("openapi-petstore"), AgentOptions.DEFAULT).plan();
        assertThat(plan.origin()).isEqualTo("openapi");
        assertThat(plan.document()).isEqualTo("swagger.yaml");
        assertThat(plan.appName()).isEqualTo("Swagger Petstore");
        assertThat(plan.tools()).extracting(Tool::name).containsExactly("listPets", "createPets", "deletePet", "showPetById");
        assertThat(plan.tools().get(0).description()).startsWith("List all pets");
        assertThat(plan.tools().get(1).inputs()).extracting(i -> i.wire()).containsExactly("name", "tag");
    }

    @Test
    void expressRoutesAndOptionsShapeTheCard() {
        var options = new AgentOptions("https://todo.example.com/api", "https://agent.example.com/a2a", List.of("Tasks"), List.of(), List.of("DELETE *"),
                "apiKey", "Todo Helper", 30);
        var out = Generate.run(Generate.FIXTURES.resolve("express-todo"), options);
        assertThat(out.problems()).isEmpty();
        var card = Json.tree(out.artifacts().get(GoogleAgentGenerator.CARD));
        assertThat(card.get("name").asString()).isEqualTo("Todo Helper");
        assertThat(card.at("/supportedInterfaces/0/url").asString()).isEqualTo("https://agent.example.com/a2a");
        assertThat(card.at("/securitySchemes/apiKey/apiKeySecurityScheme/name").asString()).isEqualTo("X-API-Key");
        assertThat(card.at("/provider/url").asString()).isEqualTo("https://todo.example.com");
        // "Tasks" shares no word with /todos, so the skills come from the resource, and the result says so
        assertThat(out.plan().notes()).contains("capability 'Tasks' matched no operation, so it has no skill on the card");
        assertThat(out.plan().leftOut()).containsExactly("DELETE /todos/{id}: excluded by options.operations.exclude");
        assertThat(out.plan().tools()).extracting(Tool::name).containsExactly("listTodos", "createTodo", "getTodo", "updateTodo");
        assertThat(out.project().get("adk-java/src/main/java/agent/ApiTools.java")).contains("DEFAULT_BASE_URL = \"https://todo.example.com/api\"");
    }
}
