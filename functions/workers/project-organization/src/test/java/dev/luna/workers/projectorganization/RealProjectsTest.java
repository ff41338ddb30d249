package dev.luna.workers.projectorganization;

import dev.luna.testkit.GitCli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real public projects from Maven Central, unpacked by the build into target/real: commons-lang3's sources jar (a
 * Java library) and uPlot's npm package (as a webjar). Each is made a git repository; the patch applies to a fresh
 * clone with git am, and to the plain directory made a repository.
 */
class RealProjectsTest {
    @TempDir
    Path tmp;

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (var f : files.toList()) {
                var target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private OrganizationReport applies(Path source, String name) throws Exception {
        assertThat(source).as("unpacked by maven-dependency-plugin in generate-test-resources").isDirectory();
        var git = new GitCli(tmp.resolve("home"));
        Path repo = tmp.resolve(name);
        copy(source, repo);
        git.commitAll(repo, "Import " + name);
        long start = System.nanoTime();
        var input = OrganizationInput.of(repo, repo);
        var report = new OrganizationAnalysis().analyse(input);
        byte[] patch = new CleanupPatch().build(input, report);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("real project %s: %d files, %d findings, %d in patch, %d patch bytes, %d ms%n", name, report.summary().files(),
                report.findings().size(), report.summary().inPatch(), patch.length, ms);
        assertThat(patch).isNotEmpty();
        git.am(git.cloneTo(repo, tmp.resolve(name + "-clone")), patch);

        Path plain = tmp.resolve(name + "-plain");
        copy(source, plain);
        var dirInput = OrganizationInput.of(plain, null);
        var dirReport = new OrganizationAnalysis().analyse(dirInput);
        byte[] dirPatch = new CleanupPatch().build(dirInput, dirReport);
        git.commitAll(plain, "Import " + name);
        git.am(plain, dirPatch);
        return report;
    }

    @Test
    void commonsLang3Sources() throws Exception {
        var report = applies(Path.of("target/real/commons-lang3"), "commons-lang3");
        assertThat(report.summary().files()).isGreaterThan(200);
        assertThat(report.findings()).extracting(Finding::id).contains("gitignore-missing:.gitignore", "editorconfig-missing:.editorconfig");
        assertThat(report.findings()).filteredOn(f -> f.kind().equals("unused-java-class") && f.confidence() == Confidence.HIGH)
                .as("a library's public API is its entry point").allSatisfy(f -> assertThat(f.evidence()).doesNotContain("public"));
        assertThat(report.complete()).isTrue();
    }

    @Test
    void uplotNpmPackage() throws Exception {
        var report = applies(Path.of("target/real/uplot-webjar/META-INF/resources/webjars/uplot/1.6.30"), "uplot");
        assertThat(report.summary().stacks()).contains("node");
        assertThat(report.findings()).extracting(Finding::id).contains("tracked-build-output:dist");
        assertThat(report.findings()).filteredOn(f -> f.id().equals("tracked-build-output:dist")).allSatisfy(f -> assertThat(f.inPatch()).isFalse());
    }
}
