package dev.luna.codebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.luna.codebase.endpoint.Endpoint;
import dev.luna.codebase.imports.ImportEdge;
import dev.luna.codebase.manifest.Dependency;
import dev.luna.codebase.manifest.Module;
import dev.luna.codebase.shape.Property;
import org.junit.jupiter.api.Test;

class ExpressTsTest {
    private static final ProjectModel MODEL = Fixtures.analyse("express-ts");

    @Test
    void expressRoutesAreComposedWithMountPrefixesAcrossFiles() {
        assertThat(MODEL.endpoints()).extracting(Endpoint::method, Endpoint::path, Endpoint::handler).containsExactly(
                tuple("POST", "/api/orders", "packages/server/src/routes/orders.js#<anonymous>"),
                tuple("DELETE", "/api/orders/{orderId}", "packages/server/src/routes/orders.js#<anonymous>"),
                tuple("GET", "/api/products", "packages/server/src/routes/products.ts#list"),
                tuple("GET", "/api/products/{id}", "packages/server/src/routes/products.ts#getOne"),
                tuple("GET", "/api/products/{id}/reviews", "packages/server/src/routes/products.ts#listReviews"),
                tuple("POST", "/api/products/{id}/reviews", "packages/server/src/routes/products.ts#addReview"),
                tuple("GET", "/health", "packages/server/src/index.ts#<anonymous>"));
        assertThat(MODEL.endpoints().get(1).params()).singleElement()
                .satisfies(p -> assertThat(p.name() + ":" + p.in() + ":" + p.required()).isEqualTo("orderId:path:true"));
    }

    @Test
    void importsResolveRelativePathsTsconfigPathsWorkspacesAndKeepPackagesExternal() {
        assertThat(MODEL.imports()).extracting(ImportEdge::from, ImportEdge::kind, ImportEdge::specifier, ImportEdge::target, ImportEdge::external)
                .contains(
                        tuple("packages/server/src/index.ts", "import", "./routes/orders", "packages/server/src/routes/orders.js", null),
                        tuple("packages/server/src/index.ts", "side-effect", "dotenv/config", null, "dotenv"),
                        tuple("packages/server/src/index.ts", "dynamic", "./lazy", "packages/server/src/lazy.ts", null),
                        tuple("packages/server/src/routes/products.ts", "import-type", "@shop/shared", "packages/shared/src/index.ts", null),
                        tuple("packages/server/src/routes/products.ts", "import", "@shared/util", "packages/shared/src/util.ts", null),
                        tuple("packages/server/src/routes/orders.js", "require", "express", null, "express"),
                        tuple("packages/shared/src/index.ts", "export", "./types", "packages/shared/src/types.ts", null),
                        tuple("scripts/seed.js", "require", "../packages/shared/src/util", "packages/shared/src/util.ts", null));
        assertThat(MODEL.imports()).extracting(ImportEdge::specifier)
                .doesNotContain("not-an-import", "fake-${", "/commented-out", "/in-a-string");
        assertThat(MODEL.imports()).filteredOn(i -> i.from().endsWith("util.ts")).isEmpty();
    }

    @Test
    void entryPointsFollowPackageJsonScriptsConfigsAndTests() {
        assertThat(MODEL.entryPoints()).extracting(EntryPoint::kind, EntryPoint::symbol, EntryPoint::detail).contains(
                tuple("package-bin", "packages/server/src/cli.js", "bin"),
                tuple("package-main", "packages/server/src/index.ts", "main"),
                tuple("script", "scripts/seed.js", "scripts.seed"),
                tuple("config", "jest.config.js", "tool configuration"),
                tuple("test", "packages/server/src/routes/products.test.ts", "test file"));
    }

    @Test
    void typescriptInterfacesAndObjectTypesBecomeShapes() {
        var product = MODEL.shape("Product");
        assertThat(product.properties()).extracting(Property::name, Property::required).containsExactly(
                tuple("id", true), tuple("name", true), tuple("price", true), tuple("tags", false), tuple("createdAt", false));
        assertThat(product.properties().get(4).schema().format()).isEqualTo("date-time");
        assertThat(product.properties().get(4).schema().nullable()).isTrue();
        var order = MODEL.shape("Order");
        assertThat(order.properties().get(1).schema().items().ref()).isEqualTo("Product");
        assertThat(order.properties().get(3).schema().additionalProperties().type()).isEqualTo("number");
    }

    @Test
    void workspacesLockfileAndModules() {
        assertThat(MODEL.modules()).extracting(Module::name, Module::root)
                .containsExactly(tuple("shop", ""), tuple("@shop/server", "packages/server"), tuple("@shop/shared", "packages/shared"));
        var lock = MODEL.manifests().stream().filter(m -> m.kind().equals("package-lock.json")).findFirst().orElseThrow();
        assertThat(lock.dependencies()).extracting(Dependency::name, Dependency::version, Dependency::scope, Dependency::direct)
                .containsExactly(tuple("debug", "2.6.9", "runtime", false), tuple("express", "4.19.2", "runtime", true),
                        tuple("jest", "29.7.0", "dev", true), tuple("typescript", "5.4.5", "dev", true));
        assertThat(MODEL.frameworks()).extracting(f -> f.name()).contains("Express", "npm");
    }
}
