package dev.luna.workers.projectorganization;

import dev.luna.testkit.GitCli;
import dev.luna.testkit.Golden;

import dev.luna.testkit.Txtar;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four fixture projects end to end: analysed as git repositories, their report.md, report.json and cleanup.patch
 * match the goldens, the patch applies with git am to a fresh clone, and the findings the brief names are there with
 * the expected confidence.
 */
class FixturesTest {
    @TempDir
    static Path tmp;
    static GitCli git;
    static final OrganizationAnalysis ANALYSIS = new OrganizationAnalysis();

    @BeforeAll
    static void setUp() throws Exception {
        git = new GitCli(tmp.resolve("home"));
    }

    record Run(OrganizationReport report, byte[] patch, List<String> after) {
        Finding finding(String id) {
            return report.findings().stream().filter(f -> f.id().equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("no finding " + id + " among " + report.findings().stream().map(Finding::id).toList()));
        }

        boolean has(String id) {
            return report.findings().stream().anyMatch(f -> f.id().equals(id));
        }
    }

    static Run run(String name, Path dir) throws Exception {
        git.commitAll(dir, "Fixture " + name);
        var input = OrganizationInput.of(dir, dir);
        var report = ANALYSIS.analyse(input);
        byte[] patch = new CleanupPatch().build(input, report);
        Golden.check(name + "/report.md", ReportMarkdown.render(report).getBytes(StandardCharsets.UTF_8));
        Golden.check(name + "/report.json", ReportJson.render(report));
        Golden.check(name + "/cleanup.patch", patch);
        Path clone = git.cloneTo(dir, tmp.resolve(name + "-clone"));
        if (patch.length > 0) git.am(clone, patch);
        var after = git.files(clone);
        Golden.check(name + "/after.txt", (String.join("\n", after) + "\n").getBytes(StandardCharsets.UTF_8));
        return new Run(report, patch, after);
    }

    @Test
    void javaMaven() throws Exception {
        var r = run("java-maven", Txtar.write("java-maven", tmp.resolve("java-maven")));
        assertThat(r.finding("unused-java-class:src/main/java/com/acme/legacy/OldHelper.java").confidence()).isEqualTo(Confidence.HIGH);
        assertThat(r.finding("unused-java-class:src/main/java/com/acme/legacy/OldMath.java").evidence()).contains("only code that is itself unused");
        var reflective = r.finding("unused-java-class:src/main/java/com/acme/legacy/ReflectiveThing.java");
        assertThat(reflective.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(reflective.evidence()).contains("application.properties");
        assertThat(reflective.inPatch()).isFalse();
        assertThat(r.report().findings()).extracting(Finding::subject)
                .doesNotContain("src/main/java/com/acme/spi/LoudPlugin.java", "src/main/java/com/acme/service/Formatter.java",
                        "src/main/java/com/acme/App.java", "src/test/java/com/acme/AppTest.java");
        assertThat(r.finding("tracked-build-output:target").inPatch()).isTrue();
        assertThat(r.finding("tracked-local-file:**/.DS_Store").inPatch()).isTrue();
        assertThat(r.finding("gitignore-missing:.gitignore").inPatch()).isTrue();
        assertThat(r.finding("dependency-unused:maven:com.google.guava:guava@pom.xml").confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(r.has("dependency-unused:maven:org.apache.commons:commons-lang3@pom.xml")).isFalse();
        assertThat(r.finding("layout-package-mismatch:java-packages").files()).containsExactly("src/main/java/com/acme/util/Strings.java");
        assertThat(r.after()).contains(".gitignore", ".editorconfig", "README.md", "CONTRIBUTING.md", "src/main/java/com/acme/legacy/ReflectiveThing.java")
                .doesNotContain("src/main/java/com/acme/legacy/OldHelper.java", "target/classes/com/acme/App.class", ".DS_Store");
    }

    @Test
    void typescriptWorkspace() throws Exception {
        var r = run("ts-workspace", Txtar.write("ts-workspace", tmp.resolve("ts-workspace")));
        assertThat(r.finding("unused-js-module:packages/core/src/orphan.ts").confidence()).isEqualTo(Confidence.HIGH);
        assertThat(r.finding("unused-js-module:packages/core/src/legacy.js").confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(r.finding("unused-asset:packages/web/src/unused-banner.svg").confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(r.report().findings()).extracting(Finding::subject).doesNotContain("packages/core/src/format.ts",
                "packages/core/src/math.ts", "packages/web/src/App.tsx", "packages/web/src/logo.svg", "packages/core/src/math.test.ts");
        assertThat(r.finding("dependency-unused:npm:left-pad@packages/core/package.json").confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(r.finding("dependency-undeclared:npm:axios@packages/web/package.json").files()).containsExactly("packages/web/src/main.tsx");
        assertThat(r.has("dependency-unused:npm:vite@packages/web/package.json")).isFalse();
        assertThat(r.has("dependency-unused:npm:typescript@package.json")).isFalse();
        assertThat(r.finding("dependency-version-conflict:npm:lodash").files())
                .containsExactly("packages/core/package.json", "packages/web/package.json");
        assertThat(r.has("lockfile-conflict:.")).isTrue();
        assertThat(r.finding("tracked-dependency-folder:node_modules").inPatch()).isTrue();
        assertThat(r.finding("gitignore-weak:.gitignore").evidence()).contains("node_modules/");
        assertThat(r.after()).doesNotContain("node_modules/left-pad/index.js", "packages/core/src/orphan.ts")
                .contains("packages/core/src/legacy.js", ".prettierrc.json");
    }

    @Test
    void pythonWithHistory() throws Exception {
        Path dir = tmp.resolve("python");
        Files.createDirectories(dir.resolve("data"));
        var bytes = new byte[2 << 20];
        new Random(7).nextBytes(bytes);
        Files.write(dir.resolve("data/dump.bin"), bytes);
        Files.writeString(dir.resolve("settings.py"), "GITHUB_TOKEN = \"ghp_" + "R4nd0mTok3nValue1234567890abcdefABCD\"\n");
        git.commitAll(dir, "Add data and settings");
        Files.delete(dir.resolve("data/dump.bin"));
        Files.delete(dir.resolve("settings.py"));
        git.commitAll(dir, "Remove data and settings");
        Txtar.write("python", dir);
        var r = run("python", dir);
        var blob = r.finding("large-blob-in-history:data/dump.bin");
        assertThat(blob.evidence()).contains("no longer in HEAD");
        var secret = r.report().findings().stream().filter(f -> f.kind().equals("secret-in-history")).toList();
        assertThat(secret).hasSize(1);
        assertThat(secret.getFirst().files()).containsExactly("settings.py");
        assertThat(new String(ReportJson.render(r.report()), StandardCharsets.UTF_8) + ReportMarkdown.render(r.report())
                + new String(r.patch(), StandardCharsets.UTF_8)).doesNotContain("R4nd0mTok3nValue").doesNotContain("5UIO2PLK");
        assertThat(r.finding("tracked-sensitive-file:**/.env").inPatch()).isTrue();
        assertThat(r.finding("tracked-build-output:src/pyapp/__pycache__").inPatch()).isTrue();
        assertThat(r.finding("dependency-undeclared:pypi:click").files()).containsExactly("src/pyapp/cli.py");
        assertThat(r.finding("dependency-unused:pypi:rich").confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(r.has("dependency-unused:pypi:pytest")).isFalse();
        assertThat(r.finding("dependency-version-conflict:pypi:requests").files()).containsExactly("pyproject.toml", "requirements.txt");
        var sections = r.report().findings().stream().filter(f -> f.kind().equals("readme-section-missing")).map(Finding::subject).toList();
        assertThat(sections).containsExactly("README.md#development", "README.md#install", "README.md#license", "README.md#testing");
        assertThat(r.after()).doesNotContain(".env", "src/pyapp/__pycache__/cli.cpython-312.pyc");
    }

    @Test
    void messyLayout() throws Exception {
        var r = run("messy", Txtar.write("messy", tmp.resolve("messy")));
        var s = r.report().structure();
        assertThat(s.messy()).isTrue();
        Function<String, String> to = from -> s.moves().stream().filter(m -> m.from().equals(from)).findFirst().orElseThrow().to();
        assertThat(to.apply("Tool.java")).isEqualTo("src/main/java/tools/Tool.java");
        assertThat(to.apply("build.sh")).isEqualTo("scripts/build.sh");
        assertThat(to.apply("notes.md")).isEqualTo("docs/notes.md");
        assertThat(to.apply("util/")).isEqualTo("utils/");
        assertThat(r.report().findings().stream().map(Finding::kind).collect(Collectors.toSet())).contains("layout-stray-sources",
                "layout-duplicate-dirs", "layout-mixed-naming", "layout-root-clutter", "readme-missing", "tracked-ignored-file");
        assertThat(r.after()).contains("README.md", "Tool.java", "build.sh");
    }
}
