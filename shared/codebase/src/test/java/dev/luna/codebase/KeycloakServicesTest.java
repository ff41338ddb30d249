package dev.luna.codebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.luna.codebase.endpoint.Endpoint;
import dev.luna.codebase.endpoint.Param;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real public project: Keycloak's services module (26.4.0 sources from Maven Central, unpacked into
 * target/real by the build). About 190,000 lines of JAX-RS resources reached through sub-resource locators.
 */
class KeycloakServicesTest {
    private static final Path ROOT = Path.of("target/real/keycloak-services");
    private static ProjectModel model;

    @BeforeAll
    static void analyse() {
        assertThat(Files.isDirectory(ROOT)).as("the build unpacks keycloak-services sources into %s", ROOT).isTrue();
        model = new Codebase().analyse(ROOT, Fixtures.files(ROOT), () -> false);
    }

    @Test
    void sizeAndCompleteness() {
        assertThat(model.complete()).isTrue();
        assertThat(model.issues()).isEmpty();
        assertThat(model.languages()).anySatisfy(l -> {
            assertThat(l.language()).isEqualTo("Java");
            assertThat(l.files()).isBetween(1300, 1500);
            assertThat(l.lines()).isBetween(180_000L, 200_000L);
        });
        assertThat(model.java().types()).hasSizeBetween(1500, 1800);
        assertThat(model.java().calls()).hasSizeGreaterThan(10_000);
        assertThat(model.frameworks()).extracting(f -> f.name()).contains("JAX-RS (Jakarta)", "Maven");
    }

    @Test
    void adminEndpointsAreReachedThroughSubResourceLocators() {
        assertThat(model.endpoints()).hasSizeBetween(350, 450);
        assertThat(model.endpoints()).allSatisfy(e -> assertThat(e.framework()).isEqualTo("JAX-RS"));
        assertThat(model.endpoints()).extracting(Endpoint::method, Endpoint::path, Endpoint::handler).contains(
                tuple("GET", "/admin/realms", "org.keycloak.services.resources.admin.RealmsAdminResource#getRealms(boolean)"),
                tuple("GET", "/admin/realms/{realm}/users/{user-id}", "org.keycloak.services.resources.admin.UserResource#getUser(boolean)"),
                tuple("PUT", "/admin/realms/{realm}/users/{user-id}",
                        "org.keycloak.services.resources.admin.UserResource#updateUser(UserRepresentation)"),
                tuple("POST", "/admin/realms/{realm}/clients",
                        "org.keycloak.services.resources.admin.ClientsResource#createClient(ClientRepresentation)"),
                tuple("GET", "/realms/{realm}/.well-known/{alias}", "org.keycloak.services.resources.RealmsResource#getWellKnown(String,String)"));
        var users = model.endpoints().stream().filter(e -> e.method().equals("GET") && e.path().equals("/admin/realms/{realm}/users"))
                .findFirst().orElseThrow();
        assertThat(users.params()).extracting(Param::name, Param::in).contains(tuple("search", "query"), tuple("max", "query"));
        assertThat(model.endpoints()).isSortedAccordingTo(Endpoint.ORDER);
    }

    @Test
    void serviceLoaderFilesNameProjectClasses() {
        assertThat(model.entryPoints()).filteredOn(e -> e.kind().equals("service-loader")).hasSizeGreaterThan(300);
        assertThat(model.entryPoints()).filteredOn(e -> e.kind().equals("http-handler")).hasSizeGreaterThan(400);
    }
}
