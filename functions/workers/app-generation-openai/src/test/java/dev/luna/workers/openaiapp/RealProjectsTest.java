package dev.luna.workers.openaiapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.codebase.apispec.ApiOperation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real public project from Maven Central (spring-cloud-config-server 4.3.1 sources, unpacked into target/real by
 * the build): its Spring MVC controllers (paths with property placeholders, {@code {name}-{profiles}.yml} templates) become an Actions schema and an MCP server that pass the ecosystem's tools.
 */
class RealProjectsTest {
    static final Path CONFIG_SERVER = Path.of("target/real/spring-cloud-config-server");
    @TempDir
    Path dir;

    @Test
    void springCloudConfigServersControllersBecomeAnAppThatPassesTheToolchains() throws Exception {
        assertThat(CONFIG_SERVER).as("unpacked by the build (maven-dependency-plugin)").isDirectory();
        var app = Runs.generate(CONFIG_SERVER, AppOptions.defaults());
        assertThat(app.api().source()).isEqualTo("code");
        assertThat(app.api().operations().size()).isGreaterThan(20);
        assertThat(app.choice().chosen().size()).isBetween(20, 30);
        assertThat(app.choice().chosen()).extracting(ApiOperation::path).contains("/{name}/{profiles}", "/encrypt", "/decrypt")
                .noneMatch(p -> p.contains("$") || p.contains("//"));
        assertThat(app.api().notes()).anyMatch(n -> n.contains("property placeholders"));
        assertThat(app.choice().chosen().size() + app.choice().omitted().size()).isEqualTo(app.api().operations().size());
        var out = Runs.write(app.project(), dir);
        assertThat(Files.size(out.resolve("openapi.actions.json"))).isPositive();
        Checks.assertValid(app, out);
    }
}
