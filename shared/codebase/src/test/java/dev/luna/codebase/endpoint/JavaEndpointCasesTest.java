package dev.luna.codebase.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.luna.codebase.Codebase;
import dev.luna.codebase.ProjectModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spring and JAX-RS forms the fixtures do not show: inherited mappings, WebFlux predicates, clients that are not servers. */
class JavaEndpointCasesTest {
    @TempDir
    Path root;

    private ProjectModel analyse(String... pathsAndSources) throws IOException {
        var files = new ArrayList<String>();
        for (int i = 0; i < pathsAndSources.length; i += 2) {
            var file = root.resolve(pathsAndSources[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathsAndSources[i + 1]);
            files.add(pathsAndSources[i]);
        }
        return new Codebase().analyse(root, files, () -> false);
    }

    @Test
    void springMappingsDeclaredOnAnInterfaceApplyToItsController() throws IOException {
        var model = analyse("src/api/PetsApi.java", """
                package api;
                import org.springframework.web.bind.annotation.*;
                import java.util.*;
                @RequestMapping("/pets")
                public interface PetsApi {
                    @GetMapping("/{petId}")
                    Optional<Pet> show(@PathVariable("petId") String petId);
                    @GetMapping
                    List<Pet> list(@RequestParam Map<String, String> all, @RequestParam Optional<Integer> limit);
                }
                """, "src/api/PetsController.java", """
                package api;
                import org.springframework.web.bind.annotation.RestController;
                import java.util.*;
                @RestController
                public class PetsController implements PetsApi {
                    public Optional<Pet> show(String petId) { return Optional.empty(); }
                    public List<Pet> list(Map<String, String> all, Optional<Integer> limit) { return List.of(); }
                }
                """, "src/api/Pet.java", "package api; public record Pet(String id, String name) {}",
                "src/api/PetsClient.java", """
                package api;
                import org.springframework.cloud.openfeign.FeignClient;
                import org.springframework.web.bind.annotation.GetMapping;
                @FeignClient("pets")
                public interface PetsClient { @GetMapping("/remote") String remote(); }
                """);
        assertThat(model.endpoints()).extracting(Endpoint::method, Endpoint::path, Endpoint::handler).containsExactly(
                tuple("GET", "/pets", "api.PetsController#list(Map,Optional)"),
                tuple("GET", "/pets/{petId}", "api.PetsController#show(String)"));
        var list = model.endpoints().getFirst();
        assertThat(list.params()).extracting(Param::name, Param::required).containsExactly(tuple("limit", false));
        assertThat(list.response().items().ref()).isEqualTo("Pet");
        assertThat(model.endpoints().get(1).response().nullable()).isTrue();
    }

    @Test
    void projectAnnotationsMetaAnnotatedAsControllersCount() throws IOException {
        var model = analyse("src/m/ApiController.java", """
                package m;
                import java.lang.annotation.*;
                import org.springframework.web.bind.annotation.RestController;
                @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.TYPE) @RestController
                public @interface ApiController { }
                """, "src/m/Health.java", """
                package m;
                import org.springframework.web.bind.annotation.GetMapping;
                @ApiController
                class Health { @GetMapping("/healthz") String ok() { return "ok"; } }
                """);
        assertThat(model.endpoints()).extracting(Endpoint::method, Endpoint::path, Endpoint::handler)
                .containsExactly(tuple("GET", "/healthz", "m.Health#ok()"));
    }

    @Test
    void webFluxPredicateRoutesAndAnnotatedControllers() throws IOException {
        var model = analyse("src/web/Router.java", """
                package web;
                import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
                import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
                import static org.springframework.web.reactive.function.server.RouterFunctions.route;
                import org.springframework.web.reactive.function.server.*;
                class Router {
                    static final String BASE = "/reactive";
                    RouterFunction<ServerResponse> routes(Handler h) {
                        return route(GET(BASE + "/items"), h::all).andRoute(POST("/reactive/items"), h::add);
                    }
                }
                """, "src/web/Handler.java", """
                package web;
                import org.springframework.web.reactive.function.server.*;
                import reactor.core.publisher.Mono;
                class Handler {
                    Mono<ServerResponse> all(ServerRequest r) { return null; }
                    Mono<ServerResponse> add(ServerRequest r) { return null; }
                }
                """, "src/web/Flux.java", """
                package web;
                import org.springframework.web.bind.annotation.*;
                import reactor.core.publisher.*;
                @RestController
                class FluxController {
                    @GetMapping(path = "/stream", produces = "text/event-stream")
                    Flux<String> stream() { return null; }
                    @PostMapping("/mono")
                    Mono<Void> take(@RequestBody Mono<String> body) { return null; }
                }
                """, "pom.xml", """
                <project><artifactId>x</artifactId><dependencies><dependency>
                <groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-webflux</artifactId>
                </dependency></dependencies></project>
                """);
        assertThat(model.endpoints()).extracting(Endpoint::method, Endpoint::path, Endpoint::framework, Endpoint::handler).containsExactly(
                tuple("POST", "/mono", "Spring WebFlux", "web.FluxController#take(Mono)"),
                tuple("GET", "/reactive/items", "Spring WebFlux", "h::all"),
                tuple("POST", "/reactive/items", "Spring WebFlux", "h::add"),
                tuple("GET", "/stream", "Spring WebFlux", "web.FluxController#stream()"));
        assertThat(model.endpoints().getFirst().response()).isNull();
        assertThat(model.endpoints().getFirst().request().type()).isEqualTo("string");
        assertThat(model.endpoints().get(3).response().type()).isEqualTo("array");
        assertThat(model.endpoints().get(3).produces()).containsExactly("text/event-stream");
    }

    @Test
    void jaxRsAnnotationsOnAnInterfaceAndJavaxPackages() throws IOException {
        var model = analyse("src/r/Api.java", """
                package r;
                import javax.ws.rs.*;
                @Path("/v1/things")
                public interface Api {
                    @GET @Path("{id}") Thing get(@PathParam("id") int id, @CookieParam("s") String session);
                    @PUT @Path("{id}") void put(@PathParam("id") int id, @FormParam("name") String name);
                }
                """, "src/r/Impl.java", """
                package r;
                import javax.ws.rs.Path;
                @Path("/v1/things")
                public class Impl implements Api {
                    public Thing get(int id, String session) { return null; }
                    public void put(int id, String name) { }
                }
                """, "src/r/Thing.java", "package r; public class Thing { public String name; }",
                "src/r/Client.java", """
                package r;
                import javax.ws.rs.*;
                @Path("/remote") @org.eclipse.microprofile.rest.client.inject.RegisterRestClient
                public interface Client { @GET String fetch(); }
                """);
        assertThat(model.endpoints()).extracting(Endpoint::method, Endpoint::path, Endpoint::handler).containsExactly(
                tuple("GET", "/v1/things/{id}", "r.Impl#get(int,String)"),
                tuple("PUT", "/v1/things/{id}", "r.Impl#put(int,String)"));
        assertThat(model.endpoints().getFirst().params()).extracting(Param::name, Param::in).containsExactly(tuple("s", "cookie"), tuple("id", "path"));
        assertThat(model.endpoints().get(1).params()).extracting(Param::name, Param::in).containsExactly(tuple("name", "form"), tuple("id", "path"));
        assertThat(model.frameworks()).extracting(f -> f.name()).contains("JAX-RS (javax)");
    }
}
