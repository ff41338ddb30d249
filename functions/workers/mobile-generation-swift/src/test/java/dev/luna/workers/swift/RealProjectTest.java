package dev.luna.workers.swift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.toolchains.SwiftChecks;
import dev.luna.workers.swift.plan.Resource;
import dev.luna.workers.swift.plan.SwiftOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real public Spring Boot server, fetched from Maven Central by the build (spring-cloud-config-server 4.3.0 sources,
 * unpacked into target/real): its REST controllers become a SwiftUI app whose every file parses with the Swift
 * grammar, whose project.yml follows XcodeGen's spec and whose code has no HIG violation.
 */
class RealProjectTest {
    static final Path CONFIG_SERVER = Path.of("target/real/spring-cloud-config-server");
    @TempDir
    Path dir;

    @Test
    void springCloudConfigServerBecomesACheckedSwiftUiApp() {
        assertThat(CONFIG_SERVER).isDirectory();
        var options = Generate.options("{\"platforms\": [\"ios\", \"ipados\", \"macOS\"], \"bundleId\": \"org.springframework.config\"}");
        var out = Generate.run(CONFIG_SERVER, options);
        assertThat(out.problems()).isEmpty();
        var plan = out.plan();
        assertThat(plan.origin()).isEqualTo("code");
        assertThat(plan.endpoints()).hasSizeGreaterThan(15);
        assertThat(plan.endpoints()).extracting(e -> e.method() + " " + e.path()).contains("POST /encrypt", "POST /decrypt", "GET /key");
        assertThat(plan.resources()).extracting(Resource::title).isNotEmpty();
        assertThat(out.project().keySet()).anyMatch(p -> p.startsWith("App/Screens/"));
        assertThat(SwiftChecks.project(Generate.write(out, dir.resolve("config-server")))).isEmpty();
    }
}
