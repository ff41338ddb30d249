package dev.luna.codebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.luna.codebase.endpoint.Endpoint;
import dev.luna.codebase.endpoint.Param;
import dev.luna.codebase.imports.ImportEdge;
import dev.luna.codebase.manifest.Dependency;
import dev.luna.codebase.manifest.Manifest;
import dev.luna.codebase.shape.Property;
import org.junit.jupiter.api.Test;

class PythonApiTest {
    private static final ProjectModel MODEL = Fixtures.analyse("python-api");

    private static Endpoint endpoint(String method, String path) {
        return MODEL.endpoints().stream().filter(e -> e.method().equals(method) && e.path().equals(path)).findFirst().orElseThrow();
    }

    private static Manifest manifest(String path) {
        return MODEL.manifests().stream().filter(m -> m.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void fastApiRoutersComposePrefixesAndFlaskBlueprintsTakeTheRegisteredPrefix() {
        assertThat(MODEL.endpoints()).extracting(Endpoint::method, Endpoint::path, Endpoint::framework).containsExactly(
                tuple("POST", "/admin/files/{name*}", "Flask"), tuple("GET", "/admin/users/{user_id}", "Flask"),
                tuple("GET", "/api/items", "FastAPI"), tuple("POST", "/api/items", "FastAPI"), tuple("GET", "/api/items/{item_id}", "FastAPI"),
                tuple("GET", "/api/v2/orders", "FastAPI"), tuple("POST", "/api/v2/orders", "FastAPI"), tuple("GET", "/health", "FastAPI"),
                tuple("GET", "/ping", "Flask"), tuple("HEAD", "/ping", "Flask"), tuple("PUT", "/users/{user_id}", "FastAPI"));
    }

    @Test
    void parametersComeFromSignaturesMarkersAndConverters() {
        assertThat(endpoint("GET", "/api/items").params()).extracting(Param::name, Param::in, Param::required, Param::defaultValue)
                .containsExactly(tuple("limit", "query", false, "10"), tuple("q", "query", false, null));
        assertThat(endpoint("GET", "/api/items").response().items().ref()).isEqualTo("Item");
        assertThat(endpoint("GET", "/api/items/{item_id}").params()).extracting(Param::name, Param::in, Param::required)
                .containsExactly(tuple("x-token", "header", true), tuple("item_id", "path", true));
        assertThat(endpoint("GET", "/api/items/{item_id}").response().ref()).isEqualTo("Item");
        var create = endpoint("POST", "/api/items");
        assertThat(create.request().ref()).isEqualTo("ItemCreate");
        assertThat(create.params()).isEmpty();
        var update = endpoint("PUT", "/users/{user_id}");
        assertThat(update.request().ref()).isEqualTo("UserUpdate");
        assertThat(update.params()).extracting(Param::name, Param::in).containsExactly(tuple("user_id", "path"), tuple("verbose", "query"));
        assertThat(update.params().getFirst().schema().format()).isEqualTo("uuid");
        assertThat(endpoint("GET", "/admin/users/{user_id}").params().getFirst().schema().type()).isEqualTo("integer");
    }

    @Test
    void pydanticModelsWithAliasesDefaultsAndInheritance() {
        assertThat(MODEL.shape("Item").properties()).extracting(Property::name, Property::required).containsExactly(
                tuple("id", true), tuple("itemName", true), tuple("price", true), tuple("tags", false), tuple("owner", false));
        assertThat(MODEL.shape("Item").properties().get(4).schema().ref()).isEqualTo("User");
        assertThat(MODEL.shape("UserUpdate").properties()).extracting(Property::name).containsExactly("email", "name", "nickname");
        assertThat(MODEL.shape("User").properties().getFirst().schema().format()).isEqualTo("email");
    }

    @Test
    void importsResolveRelativeAndAbsoluteModules() {
        assertThat(MODEL.imports()).extracting(ImportEdge::from, ImportEdge::specifier, ImportEdge::target, ImportEdge::external).contains(
                tuple("app/main.py", ".routers", "app/routers/__init__.py", null),
                tuple("app/main.py", "app.routers.orders", "app/routers/orders.py", null),
                tuple("app/routers/items.py", "..models", "app/models.py", null),
                tuple("flaskapp/app.py", ".views", "flaskapp/views.py", null),
                tuple("app/main.py", "fastapi", null, "fastapi"));
    }

    @Test
    void requirementsWithIncludesMarkersExtrasAndPyproject() {
        assertThat(manifest("requirements.txt").dependencies()).extracting(Dependency::name, Dependency::version, Dependency::pinned)
                .containsExactly(tuple("flask", "3.0.2", true), tuple("requests", ">=2.31", false),
                        tuple("toolkit", "git+https://github.com/acme/toolkit.git@v1.2#egg=toolkit", false));
        assertThat(manifest("requirements.txt").problems()).containsExactly("line 6: not a requirement: this is not a requirement!");
        assertThat(manifest("requirements/base.txt").dependencies()).extracting(Dependency::name, Dependency::manifest).containsExactly(
                tuple("python-dateutil", "requirements/base.txt"), tuple("six", "requirements/common.in"));
        assertThat(manifest("pyproject.toml").dependencies()).extracting(Dependency::name, Dependency::version, Dependency::scope)
                .containsExactly(tuple("fastapi", ">=0.110", "runtime"), tuple("hatchling", null, "build"),
                        tuple("pydantic", ">=2,<3", "runtime"), tuple("pytest", "8.1.1", "optional"), tuple("uvicorn", "0.29.0", "runtime"));
        assertThat(MODEL.entryPoints()).extracting(EntryPoint::kind, EntryPoint::symbol).contains(
                tuple("python-main", "app/main.py"), tuple("test", "tests/test_items.py"), tuple("http-handler", "app/main.py#health"));
    }
}
