package dev.luna.workers.expoapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.toolchains.ExpoChecks;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real public Spring Boot server, fetched from Maven Central by the build (spring-cloud-config-server 4.3.1 sources,
 * unpacked into target/real): its REST controllers become an Expo app that passes the whole Expo toolchain
 * (dependency ranges, lockfile, route exports, tsc, expo config, jest).
 */
class RealProjectTest {
    static final Path CONFIG_SERVER = Path.of("target/real/spring-cloud-config-server");
    @TempDir
    Path dir;

    @Test
    void springCloudConfigServerBecomesAnExpoAppThatPassesTheToolchain() {
        assertThat(CONFIG_SERVER).isDirectory();
        var out = Generate.run(CONFIG_SERVER, ExpoOptions.defaults().with("stack", false, true, "tanstack-query"));
        var plan = out.plan();
        assertThat(plan.api().source()).isEqualTo("code");
        assertThat(plan.calls()).hasSizeGreaterThan(15);
        assertThat(plan.calls()).extracting(c -> c.method() + " " + c.rawPath()).contains("POST /encrypt", "POST /decrypt", "GET /key");
        assertThat(plan.calls()).noneMatch(c -> c.rawPath().contains("${"));
        var report = ExpoChecks.app(Generate.write(out, dir.resolve("config-server")));
        System.out.println("spring-cloud-config-server: " + plan.calls().size() + " operations, " + plan.resources().size() + " resources, "
                + out.files().size() + " files; checks " + report.millis());
        assertThat(report.problems()).isEmpty();
    }
}
