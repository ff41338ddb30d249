package dev.luna.workers.googleagent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.toolchains.GoogleAgentChecks;
import dev.luna.workers.googleagent.plan.AgentOptions;
import dev.luna.workers.googleagent.plan.Tool;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real public Spring Boot server, fetched from Maven Central by the build (spring-cloud-config-server 4.3.0 sources,
 * unpacked into target/real): its REST controllers (environment, resources, encryption) become a checked agent whose
 * card validates and whose ADK project builds and passes its own tests.
 */
class RealProjectTest {
    static final Path CONFIG_SERVER = Path.of("target/real/spring-cloud-config-server");
    @TempDir
    Path dir;

    @Test
    void springCloudConfigServerBecomesAValidatedAgentThatBuilds() {
        assertThat(CONFIG_SERVER).isDirectory();
        var out = Generate.run(CONFIG_SERVER, AgentOptions.DEFAULT);
        assertThat(out.problems()).isEmpty();
        var plan = out.plan();
        assertThat(plan.origin()).isEqualTo("code");
        assertThat(plan.tools()).hasSizeBetween(15, 30);
        assertThat(plan.tools()).extracting(t -> t.method() + " " + t.path())
                .contains("GET /{name}/{profiles}/{label}", "POST /encrypt", "POST /decrypt", "GET /key");
        assertThat(plan.tools()).noneMatch(t -> t.path().contains("${"));
        assertThat(plan.notes()).anyMatch(n -> n.contains("property placeholders resolved"));
        assertThat(plan.tools()).filteredOn(t -> t.method().equals("POST")).allMatch(Tool::confirm);
        assertThat(plan.tools()).allMatch(t -> t.description().length() <= 300);
        var root = Generate.write(out, dir.resolve("config-server"));
        assertThat(GoogleAgentChecks.agentCards(List.of(root.resolve(GoogleAgentGenerator.CARD)))).isEmpty();
        assertThat(GoogleAgentChecks.mavenTest(root.resolve("adk-java"))).isEmpty();
        assertThat(root.resolve("adk-java/target/surefire-reports/TEST-agent.ApiAgentTest.xml")).content().contains("failures=\"0\"");
    }
}
