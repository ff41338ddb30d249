package dev.luna.workers.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A real public Spring Boot project from Maven Central, unpacked by the build into target/real: Spring Boot Admin's
 * server (its sources jar). Every evidence link resolves in the unpacked tree, every feature file parses with the
 * official Gherkin parser, requirements.json validates, and the document finds its REST resources.
 */
class RealProjectTest {
    @Test
    void springBootAdminServer() throws Exception {
        Path root = Path.of("target/real/spring-boot-admin-server");
        assertThat(root).as("unpacked by maven-dependency-plugin in generate-test-resources").isDirectory();
        long start = System.nanoTime();
        var out = Fixture.generate(root, RequirementsOptions.DEFAULT, "Monitor and manage Spring Boot applications");
        long ms = (System.nanoTime() - start) / 1_000_000;
        var summary = out.json().get("summary");
        System.out.printf("real project spring-boot-admin-server: %s, %d ms%n", summary, ms);
        assertThat(out.problems()).isEmpty();
        assertThat(FixturesTest.parseErrors(out.features())).isEmpty();
        var links = new LinkCheck(root).check(out.json());
        assertThat(links.broken).isEmpty();
        assertThat(links.checked).isGreaterThan(100);
        assertThat(summary.get("features").asInt()).isGreaterThan(3);
        // @AdminController is no @Controller: these come from the mapped handlers of classes the model did not take for controllers
        assertThat(out.json().findValuesAsString("title")).contains("GET /applications/{name}", "DELETE /instances/{id}")
                .anyMatch(t -> t.startsWith("GET /instances/{id} (InstancesController#"));
        assertThat(out.features()).containsKeys("features/applications.feature", "features/instances.feature");
    }
}
