package dev.luna.codebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.luna.codebase.endpoint.Endpoint;
import dev.luna.codebase.endpoint.Param;
import dev.luna.codebase.manifest.Dependency;
import dev.luna.codebase.shape.Property;
import org.junit.jupiter.api.Test;

class FastifyNextTest {
    private static final ProjectModel MODEL = Fixtures.analyse("fastify-next");

    private static Endpoint endpoint(String method, String path) {
        return MODEL.endpoints().stream().filter(e -> e.method().equals(method) && e.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void fastifyRoutesWithRegisterPrefixRouteObjectsAndJsonSchemas() {
        assertThat(MODEL.endpoints()).filteredOn(e -> e.framework().equals("Fastify")).extracting(Endpoint::method, Endpoint::path)
                .containsExactly(tuple("GET", "/status"), tuple("HEAD", "/status"), tuple("POST", "/v1/users"), tuple("GET", "/v1/users/{id}"));
        var get = endpoint("GET", "/v1/users/{id}");
        assertThat(get.params()).extracting(Param::name, Param::in, Param::required, Param::defaultValue).containsExactly(
                tuple("id", "path", true, null), tuple("fields", "query", true, null), tuple("limit", "query", false, "20"));
        assertThat(get.params().getFirst().schema().type()).isEqualTo("integer");
        assertThat(MODEL.shape(get.response().ref()).properties()).extracting(Property::name).containsExactly("id", "name");
        var post = endpoint("POST", "/v1/users");
        assertThat(post.handler()).isEqualTo("server/users.js#createUser");
        assertThat(MODEL.shape(post.request().ref()).properties()).extracting(Property::name, Property::required)
                .containsExactly(tuple("name", true), tuple("email", false));
        assertThat(endpoint("GET", "/status").handler()).isEqualTo("server/app.js#status");
    }

    @Test
    void nextApiRoutesFromPagesAndAppRouter() {
        assertThat(MODEL.endpoints()).filteredOn(e -> e.framework().equals("Next.js")).extracting(Endpoint::method, Endpoint::path)
                .containsExactly(tuple("GET", "/api/hello"), tuple("POST", "/api/hello"), tuple("GET", "/api/items/{slug*}"),
                        tuple("POST", "/api/items/{slug*}"), tuple("ANY", "/api/users/{id}"));
        assertThat(MODEL.entryPoints()).extracting(EntryPoint::kind, EntryPoint::symbol).contains(
                tuple("next-page", "pages/index.tsx"), tuple("next-route", "app/(marketing)/about/page.tsx"),
                tuple("config", "next.config.mjs"), tuple("script", "server/app.js"));
    }

    @Test
    void yarnLockV1EntriesWithDirectFlags() {
        var lock = MODEL.manifests().stream().filter(m -> m.kind().equals("yarn.lock")).findFirst().orElseThrow();
        assertThat(lock.dependencies()).extracting(Dependency::name, Dependency::version, Dependency::direct).containsExactly(
                tuple("@fastify/error", "3.4.1", false), tuple("fastify", "4.27.0", true), tuple("next", "14.2.3", true));
        assertThat(MODEL.frameworks()).extracting(f -> f.name()).contains("Fastify", "Next.js", "React", "Yarn");
    }
}
