package dev.luna.codebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.luna.codebase.endpoint.Endpoint;
import dev.luna.codebase.endpoint.Param;
import dev.luna.codebase.manifest.Dependency;
import dev.luna.codebase.manifest.Manifest;
import dev.luna.codebase.manifest.Module;
import dev.luna.codebase.shape.Property;
import org.junit.jupiter.api.Test;

class JaxRsGradleTest {
    private static final ProjectModel MODEL = Fixtures.analyse("jaxrs-gradle");

    private static Manifest manifest(String path) {
        return MODEL.manifests().stream().filter(m -> m.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void jaxRsResourcesWithApplicationPathAndSubResourceLocators() {
        assertThat(MODEL.endpoints()).extracting(Endpoint::method, Endpoint::path, Endpoint::handler).containsExactly(
                tuple("GET", "/api/books", "org.lib.api.BooksResource#list(String,int,UriInfo)"),
                tuple("POST", "/api/books", "org.lib.api.BooksResource#create(Book)"),
                tuple("GET", "/api/books/{id}", "org.lib.api.BooksResource#get(long)"),
                tuple("GET", "/api/books/{id}/reviews", "org.lib.api.ReviewsResource#list()"),
                tuple("POST", "/api/books/{id}/reviews", "org.lib.api.ReviewsResource#add(String,Review)"),
                tuple("DELETE", "/api/books/{id}/reviews/{reviewId}", "org.lib.api.ReviewsResource#remove(String)"));
        var list = MODEL.endpoints().getFirst();
        assertThat(list.params()).extracting(Param::name, Param::in, Param::defaultValue).containsExactly(
                tuple("author", "query", null), tuple("limit", "query", "10"));
        assertThat(list.produces()).containsExactly("application/json");
        var create = MODEL.endpoints().get(1);
        assertThat(create.request().ref()).isEqualTo("Book");
        assertThat(create.consumes()).containsExactly("application/json", "application/xml");
        assertThat(MODEL.endpoints().get(4).params()).extracting(Param::name, Param::in).containsExactly(tuple("X-User", "header"));
        assertThat(MODEL.endpoints().get(4).request().ref()).isEqualTo("Review");
        assertThat(MODEL.endpoints().get(4).response()).isNull();
    }

    @Test
    void shapesFollowReferencesAndJacksonNames() {
        assertThat(MODEL.shape("Book").properties()).extracting(Property::name).containsExactly("id", "title", "authors", "published", "featured");
        assertThat(MODEL.shape("Book").properties().get(3).schema().format()).isEqualTo("date");
        assertThat(MODEL.shape("Review").properties()).extracting(Property::name, Property::required)
                .containsExactly(tuple("stars", true), tuple("text", false));
    }

    @Test
    void gradleBuildsReadStringMapCatalogAndPluginNotationsWithInterpolation() {
        assertThat(manifest("service/build.gradle.kts").dependencies())
                .extracting(Dependency::name, Dependency::version, Dependency::scope, Dependency::line).containsExactly(
                        tuple("com.diffplug.spotless", "6.25.0", "build", 4),
                        tuple("io.quarkus", "3.8.1", "build", 3),
                        tuple("io.quarkus.platform:quarkus-bom", "3.8.1", "runtime", 13),
                        tuple("io.quarkus:quarkus-rest", "3.8.1", "runtime", 12),
                        tuple("jakarta.ws.rs:jakarta.ws.rs-api", "3.1.0", "runtime", 11),
                        tuple("org.junit.jupiter:junit-jupiter", "5.10.2", "dev", 15),
                        tuple("org.projectlombok:lombok", "1.18.32", "provided", 14));
        assertThat(manifest("model/build.gradle").dependencies()).extracting(Dependency::name, Dependency::version, Dependency::scope)
                .contains(tuple("org.slf4j:slf4j-api", "2.0.13", "runtime"), tuple("com.google.guava:guava", "33.2.0-jre", "runtime"),
                        tuple("org.junit.jupiter:junit-jupiter", "5.10.2", "dev"));
        assertThat(manifest("gradle/libs.versions.toml").dependencies()).hasSize(4);
        assertThat(MODEL.modules()).extracting(Module::name, Module::root)
                .containsExactly(tuple("library", ""), tuple(":model", "model"), tuple(":service", "service"));
        assertThat(MODEL.frameworks()).extracting(f -> f.name()).contains("JAX-RS (Jakarta)", "Quarkus", "Gradle");
    }

    @Test
    void locatorsAndHandlersAreEntryPoints() {
        assertThat(MODEL.entryPoints()).extracting(EntryPoint::kind, EntryPoint::symbol).contains(
                tuple("http-handler", "org.lib.api.BooksResource#reviews(long)"),
                tuple("component", "org.lib.api.LibraryApplication"));
        assertThat(MODEL.java().calls()).extracting(c -> c.to())
                .contains("org.lib.api.ReviewsResource#ReviewsResource(long)");
    }
}
