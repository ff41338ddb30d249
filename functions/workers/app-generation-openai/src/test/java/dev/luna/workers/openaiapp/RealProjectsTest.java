package dev.luna.workers.openaiapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.codebase.apispec.ApiOperation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real public project from Maven Central (spring-boot-admin-server 3.5.6 sources, unpacked into target/real by the
 * build): its Spring WebFlux/MVC controllers become an Actions schema and an MCP server that pass the ecosystem's tools.
 */
class RealProjectsTest {
    static final Path SBA = Path.of("target/real/spring-boot-admin-server");
    @TempDir
    Path dir;

    @Test
    void springBootAdminServersControllersBecomeAnAppThatPassesTheToolchains() throws Exception {
        assertThat(SBA).as("unpacked by the build (maven-dependency-plugin)").isDirectory();
        var app = Runs.generate(SBA, AppOptions.defaults());
        assertThat(app.api().source()).isEqualTo("code");
        assertThat(app.api().operations().size()).isGreaterThan(20);
        assertThat(app.choice().chosen().size()).isBetween(20, 30);
        assertThat(app.choice().chosen()).extracting(ApiOperation::path).anyMatch(p -> p.startsWith("/applications"));
        assertThat(app.choice().chosen().size() + app.choice().omitted().size()).isEqualTo(app.api().operations().size());
        var out = Runs.write(app.project(), dir);
        assertThat(Files.size(out.resolve("openapi.actions.json"))).isPositive();
        Checks.assertValid(app, out);
    }
}
