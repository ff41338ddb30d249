package dev.luna.workers.cloudflare;

import dev.luna.testkit.Txtar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import dev.luna.workers.cloudflare.gen.WorkerProject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The generated project ships a pinned package-lock.json: the lockfile of the package set its checks run with
 * (shared/toolchains/cloudflare, made by npm from the same exact versions), renamed. This test keeps the two equal,
 * and the generated package.json's devDependencies equal to the set's, so `npm ci` in the generated project installs
 * exactly what the checks ran.
 */
class LockfileTest {
    static Path set() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("shared/toolchains/cloudflare"))) return d.resolve("shared/toolchains/cloudflare");
        }
        throw new AssertionError("shared/toolchains/cloudflare not found");
    }

    @Test
    void theShippedLockfileIsTheToolchainSetsLockfile() throws Exception {
        String shipped = Templates.text("project/package-lock.json");
        assertThat(shipped).isEqualTo(Files.readString(set().resolve("package-lock.json")));
        var lock = Json.tree(shipped);
        var pkg = Json.tree(Files.readString(set().resolve("package.json")));
        assertThat(lock.get("packages").get("").get("devDependencies")).isEqualTo(pkg.get("devDependencies"));
        assertThat(pkg.get("devDependencies").get("wrangler").asString()).isEqualTo(WorkerProject.WRANGLER);
        assertThat(pkg.get("devDependencies").get("@cloudflare/workers-types").asString()).isEqualTo(WorkerProject.WORKERS_TYPES);
        assertThat(pkg.get("devDependencies").get("typescript").asString()).isEqualTo(WorkerProject.TYPESCRIPT);
    }

    @Test
    void theGeneratedPackageJsonMatchesItsLockfile() throws Exception {
        var run = Runs.run(Txtar.write("express-pg", Files.createTempDirectory("lock")), MigrationOptions.defaults());
        var pkg = Json.tree(run.report().files().get("package.json"));
        var lock = Json.tree(run.report().files().get("package-lock.json"));
        assertThat(lock.get("name").asString()).isEqualTo(pkg.get("name").asString()).isEqualTo("shop-api");
        assertThat(lock.get("packages").get("").get("name").asString()).isEqualTo("shop-api");
        assertThat(lock.get("packages").get("").get("devDependencies")).isEqualTo(pkg.get("devDependencies"));
    }
}
