package dev.luna.workers.expoapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.toolchains.ExpoChecks;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated apps through the Expo toolchain (VALIDATORS.md §Expo): dependency ranges against Expo SDK 57's
 * bundledNativeModules.json, the lockfile against the pinned set, route default exports, tsc --noEmit, expo config,
 * and the client's jest tests, for every navigation, both state managements, offline and push on and off, with and
 * without auth, and the app shell of a project without an API.
 */
class ToolchainChecksTest {
    @TempDir
    Path dir;

    @Test
    void tasksApiWithTabsOfflinePushAndLogin() {
        check("openapi-tasks", ExpoOptions.defaults().with("tabs", true, true, "tanstack-query"));
    }

    @Test
    void petstoreWithStackAndContextState() {
        check("openapi-petstore", ExpoOptions.defaults().with("stack", false, false, "context"));
    }

    @Test
    void springShopWithDrawer() {
        check("spring-shop", ExpoOptions.defaults().with("drawer", false, false, "tanstack-query"));
    }

    @Test
    void expressTodoWithTabs() {
        check("express-todo", ExpoOptions.defaults());
    }

    @Test
    void appShellWithoutAnApi() throws Exception {
        var root = dir.resolve("empty");
        java.nio.file.Files.createDirectories(root);
        java.nio.file.Files.writeString(root.resolve("main.py"), "print('hello')\n");
        var out = Generate.run(root, ExpoOptions.defaults().with("tabs", true, false, "tanstack-query"));
        assertThat(out.plan().apiFound()).isFalse();
        var report = ExpoChecks.app(Generate.write(out, dir.resolve("shell-app")));
        assertThat(report.problems()).isEmpty();
    }

    private void check(String fixture, ExpoOptions options) {
        var out = Generate.run(Generate.FIXTURES.resolve(fixture), options);
        var app = Generate.write(out, dir.resolve(fixture));
        var report = ExpoChecks.app(app);
        System.out.println(fixture + ": " + report.millis());
        assertThat(report.problems()).as(fixture).isEmpty();
        assertThat(report.runs().getLast().output()).as("jest output").doesNotContain("FAIL");
    }
}
