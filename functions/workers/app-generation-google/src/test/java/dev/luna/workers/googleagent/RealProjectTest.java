package dev.luna.workers.googleagent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.toolchains.GoogleAgentChecks;
import dev.luna.workers.googleagent.plan.AgentOptions;
import dev.luna.workers.googleagent.plan.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real public Spring Boot application, fetched from Maven Central by the build (spring-boot-admin-server 3.5.5
 * sources, unpacked into target/real): its REST controllers become a checked agent whose card validates and whose ADK
 * project builds and passes its own tests.
 */
class RealProjectTest {
    static final Path SBA = Path.of("target/real/spring-boot-admin-server");
    @TempDir
    Path dir;

    @Test
    void springBootAdminServerBecomesAValidatedAgentThatBuilds() {
        assertThat(SBA).isDirectory();
        var out = Generate.run(SBA, AgentOptions.DEFAULT);
        assertThat(out.problems()).isEmpty();
        var plan = out.plan();
        assertThat(plan.origin()).isEqualTo("code");
        assertThat(plan.tools()).hasSizeBetween(10, 30);
        assertThat(plan.tools()).extracting(t -> t.method() + " " + t.path()).contains("GET /applications", "GET /instances/{id}");
        assertThat(plan.tools()).filteredOn(t -> t.method().equals("DELETE")).allMatch(Tool::confirm).allMatch(Tool::destructive);
        assertThat(plan.tools()).allMatch(t -> t.description().length() <= 300);
        var root = Generate.write(out, dir.resolve("sba"));
        assertThat(GoogleAgentChecks.agentCards(List.of(root.resolve(GoogleAgentGenerator.CARD)))).isEmpty();
        assertThat(GoogleAgentChecks.mavenTest(root.resolve("adk-java"))).isEmpty();
        assertThat(Files.exists(root.resolve("adk-java/target/classes/agent/ApiTools.class"))).isTrue();
    }
}
