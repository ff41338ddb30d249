package dev.luna.workers.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real public Spring Boot application: spring-boot-admin-server 3.5.0's sources from Maven Central (unpacked into
 * target/real by the build). The architecture is recovered, every artifact passes the self-check, mermaid 12 and the
 * Structurizr DSL parser, and the diagrams stay within maxNodes.
 */
class RealProjectTest {
    static final Path ROOT = Path.of("target/real/spring-boot-admin-server");

    @TempDir
    Path tmp;

    @Test
    void springBootAdminServer() throws Exception {
        assertThat(ROOT.resolve("de/codecentric/boot/admin/server")).as("unpacked by maven-dependency-plugin").isDirectory();
        long start = System.nanoTime();
        var run = Runs.run(ROOT, "Extract the notification subsystem into its own service", DesignOptions.DEFAULT);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(run.generated().problems()).isEmpty();
        var m = run.model();
        assertThat(m.components().size()).isGreaterThan(10);
        assertThat(m.edges()).isNotEmpty();
        assertThat(m.components()).anyMatch(c -> c.id().startsWith("de.codecentric.boot.admin.server.notify"));
        assertThat(new SystemView("x", run.project(), m, DesignOptions.DEFAULT_MAX_NODES).graph.nodes.size())
                .isLessThanOrEqualTo(DesignOptions.DEFAULT_MAX_NODES);
        assertThat(run.generated().files().keySet()).anyMatch(f -> f.startsWith("adr/") && f.contains("extract-the-notification-subsystem"));
        ParsersTest.assertParses(run, tmp.resolve("out"));
        System.out.printf("spring-boot-admin-server: %d files, %d components, %d edges, %d cycles, %d violations, externals %s, %d ms%n",
                run.project().files().size(), m.components().size(), m.edges().size(), m.cycles().size(), m.violations().size(),
                m.externals().stream().map(x -> x.id()).toList(), millis);
        Files.writeString(Path.of("target/real/spring-boot-admin-server.architecture.md"), run.text("architecture.md"));
    }
}
