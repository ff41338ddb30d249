package dev.luna.workers.swift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.toolchains.SwiftChecks;
import dev.luna.workers.swift.plan.SwiftOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real Swift grammar (tree-sitter-swift under Node 22) on what is generated: every .swift file parses with no error
 * node, project.yml follows XcodeGen's spec, and the tree-based HIG lint finds nothing; and the tree-based lint agrees
 * with the Java lint on the annotated audit fixture.
 */
class ToolchainChecksTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"openapi-petstore", "spring-shop", "express-todo"})
    void generatedProjectsParseAndPassXcodeGenAndTheHigLint(String fixture) {
        var out = Generate.run(Generate.FIXTURES.resolve(fixture), SwiftOptions.DEFAULT);
        assertThat(SwiftChecks.project(Generate.write(out, dir.resolve(fixture)))).isEmpty();
    }

    @Test
    void everyOptionVariantParsesToo() {
        var options = Generate.options("""
                {"platforms": ["ipados", "macOS"], "bundleId": "dev.luna.shop", "persistence": "coreData", "applePay": true,
                 "merchantId": "merchant.dev.luna.shop"}""");
        var out = Generate.run(Generate.FIXTURES.resolve("spring-shop"), options);
        assertThat(out.project()).containsKey("App/ApplePay/CheckoutView.swift");
        assertThat(SwiftChecks.project(Generate.write(out, dir.resolve("variant")))).isEmpty();
    }

    @Test
    void anAppShellParsesToo() throws Exception {
        var source = dir.resolve("no-api");
        Files.createDirectories(source);
        Files.writeString(source.resolve("README.md"), "# Nothing to see\n");
        var out = Generate.run(source, SwiftOptions.DEFAULT);
        assertThat(out.plan().shell()).isTrue();
        assertThat(SwiftChecks.project(Generate.write(out, dir.resolve("shell")))).isEmpty();
    }

    @Test
    void theTreeLintFindsTheAnnotatedLinesOfItsFourRules() throws Exception {
        var expected = new TreeSet<String>();
        var files = new java.util.ArrayList<Path>();
        for (String file : new String[] {"Legacy/Views/ProfileView.swift", "Legacy/Views/LegacyCell.swift"}) {
            var path = HigRulesTest.LEGACY.resolve(file);
            files.add(path);
            for (String e : HigRulesTest.expected(Files.readString(path))) {
                if (e.matches("\\d+ hig-(font-size|color-literal|icon-label|hit-target)")) expected.add(path.getFileName() + ":" + e.replace(" ", ": "));
            }
        }
        var found = new TreeSet<String>();
        for (String f : SwiftChecks.lint(files)) found.add(f.startsWith("INVALID") ? f : Path.of(f.substring(0, f.indexOf(':'))).getFileName() + f.substring(f.indexOf(':')));
        assertThat(found).isEqualTo(expected);
    }
}
