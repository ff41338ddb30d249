package dev.luna.workers.aiintegration;

import dev.luna.testkit.GitCli;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real public projects from Maven Central (sources jars unpacked into target/real by the build): spring-boot-admin-server
 * (Spring Boot) and keycloak-services (JAX-RS). Their opportunities cite lines inside the sources, the patch applies with
 * git apply, the new Java files compile with javac and the generated JUnit test passes against its stub gateway.
 */
class RealProjectsTest {
    static final Path SBA = Path.of("target/real/spring-boot-admin-server");
    static final Path KEYCLOAK = Path.of("target/real/keycloak-services");

    @TempDir
    Path tmp;

    @Test
    void springBootAdminServer() throws Exception {
        // its controllers are meta-annotated (@AdminController) in a way the shared endpoint extractor does not follow, so what
        // shows here is the error handling; the patch must still apply, compile and pass its own test
        var run = realProject(SBA, "de.codecentric.boot.admin.server.ai");
        assertThat(run.report().opportunities()).extracting(o -> o.kind()).contains("anomaly-explanation");
    }

    @Test
    void keycloakServices() throws Exception {
        var run = realProject(KEYCLOAK, "org.keycloak.ai");
        assertThat(run.model().endpoints()).hasSizeGreaterThan(300);
        var search = run.report().opportunities().stream().filter(o -> o.kind().equals("semantic-search")).toList();
        assertThat(search).extracting(o -> o.subject()).contains("GET /admin/realms/{realm}/clients");
        assertThat(search.get(0).evidence().get(0).detail()).contains("query parameter");
        assertThat(run.report().patchKinds()).contains("semantic-search");
    }

    private Runs.Run realProject(Path sources, String javaPackage) throws Exception {
        assertThat(sources).as("unpacked by the build (mvn generate-test-resources)").isDirectory();
        Path repo = tmp.resolve(sources.getFileName().toString());
        copy(sources, repo);
        var git = new GitCli(tmp.resolve("home"));
        git.commitAll(repo, "sources");
        var run = Runs.run(repo, git.files(repo), IntegrationOptions.defaults());
        assertThat(run.problems()).isEmpty();
        assertThat(run.report().target().language()).isEqualTo("java");
        assertThat(run.report().layout().javaPackage()).isEqualTo(javaPackage);
        git.apply(repo, run.patch());
        // the project's own dependencies are not here: compile the new files alone (they need only the JDK, and JUnit for the test)
        Path only = tmp.resolve(sources.getFileName() + "-new");
        for (String p : run.report().files().keySet().stream().filter(f -> f.endsWith(".java")).toList()) {
            Files.createDirectories(only.resolve(p).getParent());
            Files.copy(repo.resolve(p), only.resolve(p));
        }
        Path classes = Toolchecks.javac(only);
        Path resources = repo.resolve(run.report().layout().resourcesDir()).getParent();
        assertThat(Toolchecks.junit(classes, resources, javaPackage + ".LunaAiClientTest")).isGreaterThanOrEqualTo(5);
        return run;
    }

    private static void copy(Path from, Path to) throws Exception {
        var files = new ArrayList<Path>();
        try (var s = Files.walk(from)) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path f : files) {
            Path target = to.resolve(from.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.copy(f, target);
        }
        assertThat(files).hasSizeGreaterThan(100);
        List.of();
    }
}
