package dev.luna.workers.expoapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two fixtures against their goldens in src/test/resources/golden/ (every file of project.zip but the lockfile, whose
 * hash is in FILES); {@code -Dgolden.update=true} rewrites them for review. What each fixture must show is also asserted.
 */
class FixturesTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @CsvSource({"openapi-tasks, tabs, true, true, tanstack-query", "spring-shop, stack, false, false, context"})
    void matchesTheGolden(String fixture, String navigation, boolean push, boolean offline, String state) throws Exception {
        var out = Generate.run(Generate.FIXTURES.resolve(fixture), ExpoOptions.defaults().with(navigation, push, offline, state));
        var dir = GOLDEN.resolve(fixture);
        if (Boolean.getBoolean("golden.update")) {
            if (Files.exists(dir)) try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            for (var e : out.files().entrySet()) {
                if (e.getKey().equals("package-lock.json")) continue;
                var file = dir.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
            }
        }
        var expected = new TreeSet<String>();
        try (var s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(p -> expected.add(dir.relativize(p).toString().replace('\\', '/')));
        }
        var actual = new TreeSet<>(out.files().keySet());
        actual.remove("package-lock.json");
        assertThat(actual).isEqualTo(expected);
        for (var name : expected) {
            assertThat(new String(out.files().get(name), StandardCharsets.UTF_8)).as(name).isEqualTo(Files.readString(dir.resolve(name)));
        }
    }

    @ParameterizedTest
    @CsvSource({"openapi-tasks", "spring-shop"})
    void showsWhatTheFixtureHas(String fixture) {
        var out = Generate.run(Generate.FIXTURES.resolve(fixture), ExpoOptions.defaults());
        var plan = out.plan();
        if (fixture.equals("openapi-tasks")) {
            assertThat(plan.authNeeded()).isTrue();
            assertThat(plan.authReason()).isEqualTo("the API document declares security");
            assertThat(plan.login().name()).isEqualTo("login");
            assertThat(plan.resources()).extracting(r -> r.key()).containsExactly("projects", "tasks");
            var tasks = plan.resources().get(1);
            assertThat(tasks.itemsField()).isEqualTo("items");
            assertThat(tasks.titleField()).isEqualTo("title");
            assertThat(tasks.fields()).extracting(f -> f.name() + ":" + f.kind()).containsExactly("dueDate:text", "estimate:number", "status:text",
                    "title:text", "urgent:boolean");
            assertThat(tasks.filters()).hasSize(3).anyMatch(f -> f.contains("kind: 'category', key: 'status'")).anyMatch(f -> f.contains("kind: 'date'"))
                    .anyMatch(f -> f.contains("kind: 'custom', key: 'urgent'"));
            assertThat(plan.leftOut()).containsExactly("GET /api/v1/projects/{projectId}/members: nested or unusual path, in the client only");
            assertThat(Generate.text(out, "app/sign-in.tsx")).contains("api.login({ body: { username, password } as never })");
        } else {
            assertThat(plan.authNeeded()).isFalse();
            assertThat(plan.resources()).isNotEmpty();
            assertThat(Generate.text(out, "README.md")).contains("Auth: none (the API declares no authentication).");
        }
    }
}
