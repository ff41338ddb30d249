package dev.luna.workers.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.toolchains.CloudflareChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real public project fetched by the build (Spring Cloud Config Server 4.3.1, sources from Maven Central,
 * unpacked into target/real by the pom): a Java backend, so every route is a proxied "rewrite", the runtime is a "rewrite" with
 * the reason, and the generated Worker still type-checks, starts in workerd and answers every smoke request.
 */
class RealProjectTest {
    static final Path CONFIG_SERVER = Path.of("target/real/spring-cloud-config-server");

    @TempDir
    Path tmp;

    @Test
    void springCloudConfigServer() throws Exception {
        assertThat(CONFIG_SERVER).as("unpacked by the maven-dependency-plugin").isDirectory();
        var run = Runs.run(CONFIG_SERVER, MigrationOptions.defaults());
        assertThat(run.problems()).isEmpty();
        var inv = run.report().inventory();
        assertThat(inv.routes()).hasSizeGreaterThan(10).allMatch(r -> !r.isPorted() && r.verdict().equals("rewrite"));
        assertThat(inv.items("runtime")).anyMatch(i -> i.name().equals("Java") && i.verdict().equals("rewrite"));
        assertThat(run.markdown()).contains("## Routes", "the JVM does not run on Workers");
        Path project = run.writeProject(tmp.resolve("project"));
        assertThat(Files.readString(project.resolve("smoke.json"))).contains("\"proxied\" : true");
        var check = CloudflareChecks.run(project);
        assertThat(check.linesStartingWith("INVALID:")).as(check.output()).isEmpty();
        assertThat(check.linesStartingWith("OK:")).hasSizeGreaterThan(inv.routes().size() + 2);
    }
}
