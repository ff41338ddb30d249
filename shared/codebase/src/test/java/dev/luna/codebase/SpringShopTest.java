package dev.luna.codebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.luna.codebase.endpoint.Endpoint;
import dev.luna.codebase.endpoint.Param;
import dev.luna.codebase.manifest.Dependency;
import dev.luna.codebase.manifest.Module;
import dev.luna.codebase.shape.Property;
import org.junit.jupiter.api.Test;

class SpringShopTest {
    private static final ProjectModel MODEL = Fixtures.analyse("spring-shop");

    private static Endpoint endpoint(String method, String path) {
        return MODEL.endpoints().stream().filter(e -> e.method().equals(method) && e.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void springMvcEndpointsComposeClassAndMethodMappingsWithConstants() {
        assertThat(MODEL.endpoints()).extracting(Endpoint::method, Endpoint::path).containsExactly(
                tuple("GET", "/api/products"), tuple("POST", "/api/products"), tuple("DELETE", "/api/products/{id}"),
                tuple("GET", "/api/products/{id}"), tuple("POST", "/api/products/{id}"), tuple("DELETE", "/api/products/{id}/remove"),
                tuple("POST", "/api/products/{id}/remove"), tuple("POST", "/fn/admin/reindex"), tuple("GET", "/fn/health"));
        assertThat(MODEL.endpoints()).allSatisfy(e -> assertThat(e.framework()).isEqualTo("Spring MVC"));
    }

    @Test
    void parametersCarryLocationRequiredAndDefaults() {
        assertThat(endpoint("GET", "/api/products").params()).extracting(Param::name, Param::in, Param::required, Param::defaultValue)
                .containsExactly(tuple("page", "query", false, "0"), tuple("sort", "query", false, null));
        assertThat(endpoint("DELETE", "/api/products/{id}").params()).extracting(Param::name, Param::in, Param::required)
                .containsExactly(tuple("session", "cookie", true), tuple("id", "path", true));
        var create = endpoint("POST", "/api/products");
        assertThat(create.params()).extracting(Param::name, Param::in, Param::required).containsExactly(tuple("X-Request-Id", "header", false));
        assertThat(create.request().ref()).isEqualTo("ProductRequest");
        assertThat(create.response().ref()).isEqualTo("ProductDto");
        assertThat(create.consumes()).containsExactly("application/json");
        assertThat(create.handler()).isEqualTo("com.acme.shop.web.ProductController#create(ProductRequest,String)");
        assertThat(create.file()).isEqualTo("api/src/main/java/com/acme/shop/web/ProductController.java");
        assertThat(create.startLine()).isEqualTo(33);
        assertThat(create.endLine()).isEqualTo(38);
        var list = endpoint("GET", "/api/products").response();
        assertThat(list.type()).isEqualTo("array");
        assertThat(list.items().ref()).isEqualTo("ProductDto");
    }

    @Test
    void shapesCoverDtosTheirReferencesAndEntitiesWithWireNamesAndRequiredness() {
        assertThat(MODEL.shape("ProductDto").properties()).extracting(Property::name, Property::required)
                .containsExactly(tuple("id", true), tuple("name", true), tuple("unit_price", false), tuple("tags", false),
                        tuple("category", false));
        assertThat(MODEL.shape("Category").values()).containsExactly("BOOK", "MUSIC");
        var product = MODEL.shape("Product");
        assertThat(product.kind()).isEqualTo("entity");
        assertThat(product.properties()).extracting(Property::name, Property::required)
                .containsExactly(tuple("id", false), tuple("name", true), tuple("price", false));
    }

    @Test
    void pomsInheritPropertiesAndManagedVersionsFromTheirParentButNotProfiles() {
        var api = MODEL.manifests().stream().filter(m -> m.path().equals("api/pom.xml")).findFirst().orElseThrow();
        assertThat(api.name()).isEqualTo("shop-api");
        assertThat(api.version()).isEqualTo("1.4.0");
        assertThat(api.dependencies()).extracting(Dependency::name, Dependency::version, Dependency::scope, Dependency::line)
                .containsExactly(tuple("com.acme:shop-core", "1.4.0", "runtime", 12),
                        tuple("jakarta.validation:jakarta.validation-api", "[3.0,4.0)", "runtime", 20),
                        tuple("org.junit.jupiter:junit-jupiter", "5.10.2", "dev", 25),
                        tuple("org.springframework.boot:spring-boot-maven-plugin", "3.3.1", "build", 34),
                        tuple("org.springframework.boot:spring-boot-starter-web", null, "runtime", 16));
        var core = MODEL.manifests().stream().filter(m -> m.path().equals("core/pom.xml")).findFirst().orElseThrow();
        assertThat(core.dependencies()).extracting(Dependency::name, Dependency::version, Dependency::pinned, Dependency::scope)
                .contains(tuple("com.fasterxml.jackson.core:jackson-databind", "2.17.1", true, "runtime"),
                        tuple("org.projectlombok:lombok", "1.18.32", true, "optional"));
        assertThat(MODEL.manifests()).flatExtracting(m -> m.dependencies()).extracting(Dependency::name)
                .doesNotContain("org.example:only-in-profile");
        assertThat(MODEL.modules()).extracting(Module::name, Module::root)
                .containsExactly(tuple("shop-parent", ""), tuple("shop-api", "api"), tuple("shop-core", "core"));
    }

    @Test
    void entryPointsIncludeMainComponentsBeansTestsServicesAutoConfigurationAndReflection() {
        assertThat(MODEL.entryPoints()).extracting(EntryPoint::kind, EntryPoint::symbol).contains(
                tuple("main", "com.acme.shop.ShopApplication#main(String[])"),
                tuple("component", "com.acme.shop.core.ProductService"),
                tuple("bean", "com.acme.shop.core.CoreAutoConfiguration#productService(ProductRepository)"),
                tuple("test", "com.acme.shop.ProductControllerTest#lists()"),
                tuple("service-loader", "com.acme.shop.core.DefaultPlugin"),
                tuple("spring-factories", "com.acme.shop.core.CoreAutoConfiguration"),
                tuple("reflection", "com.acme.shop.core.DefaultPlugin"),
                tuple("http-handler", "com.acme.shop.web.ProductController#get(long)"));
        assertThat(MODEL.entryPoints()).extracting(EntryPoint::symbol).doesNotContain("com.acme.shop.web.StatusHandler#unused()");
    }

    @Test
    void callGraphResolvesThroughFieldsLocalsStaticsAndMethodReferences() {
        assertThat(MODEL.java().calls()).extracting(c -> c.from() + " -> " + c.to() + " [" + c.resolution() + "]").contains(
                "com.acme.shop.web.ProductController#get(long) -> com.acme.shop.core.ProductService#find(long) [type]",
                "com.acme.shop.core.ProductService#find(long) -> com.acme.shop.core.ProductRepository#findById(long) [type]",
                "com.acme.shop.core.ProductService#audit(String) -> com.acme.shop.core.Plugins#log(String) [type]",
                "com.acme.shop.core.ProductService#create(String,BigDecimal) -> com.acme.shop.core.Plugin#beforeSave(String) [type]",
                "com.acme.shop.web.ProductController#list(int,String) -> com.acme.shop.web.ProductDto#from(Product) [type]",
                "com.acme.shop.web.Routes#health(StatusHandler) -> com.acme.shop.web.StatusHandler#health(ServerRequest) [type]");
        assertThat(MODEL.java().calls()).noneMatch(c -> c.to().endsWith("StatusHandler#unused()"));
        assertThat(MODEL.java().typeEdges()).extracting(e -> e.from() + " " + e.kind() + " " + e.to()).contains(
                "com.acme.shop.core.DefaultPlugin implements com.acme.shop.core.Plugin",
                "com.acme.shop.core.ProductService field com.acme.shop.core.ProductRepository",
                "com.acme.shop.web.ProductController import com.acme.shop.core.ProductService");
    }

    @Test
    void symbolsKeepAnnotationsWithResolvedConstantsAndMaskSecrets() {
        var controller = MODEL.java().types().stream().filter(t -> t.name().equals("ProductController")).findFirst().orElseThrow();
        assertThat(controller.annotation("RequestMapping").first("value")).isEqualTo("/api/products");
        assertThat(controller.annotation("RestController").type()).isEqualTo("org.springframework.web.bind.annotation.RestController");
        var routes = MODEL.java().types().stream().filter(t -> t.name().equals("Routes")).findFirst().orElseThrow();
        assertThat(routes.fields().getFirst().constant()).isEqualTo("***");
        assertThat(new String(Codebase.json(MODEL), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("sk-live0123456789");
        assertThat(MODEL.java().sourceRoots()).containsExactly("api/src/main/java", "api/src/test/java", "core/src/main/java");
    }

    @Test
    void frameworksComeWithEvidence() {
        assertThat(MODEL.frameworks()).extracting(f -> f.name()).contains("Spring Boot", "Spring MVC", "Spring Data JPA", "JPA", "Maven");
        var boot = MODEL.frameworks().stream().filter(f -> f.name().equals("Spring Boot")).findFirst().orElseThrow();
        assertThat(boot.evidence()).anySatisfy(e -> assertThat(e.kind()).isEqualTo("dependency"))
                .anySatisfy(e -> assertThat(e.kind()).isEqualTo("import"));
        assertThat(MODEL.complete()).isTrue();
        assertThat(MODEL.issues()).isEmpty();
    }
}
