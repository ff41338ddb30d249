package dev.luna.workers.aiintegration;

import dev.luna.testkit.Txtar;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limits and hostile input: nothing to find, huge and binary and badly encoded files, planted secrets, paths the
 * integration would clash with, options at their edges, an ES-module TypeScript project and a language override.
 */
class LimitsTest {
    @TempDir
    Path tmp;

    @Test
    void aProjectWithNothingToFindSucceedsWithoutAPatch() throws Exception {
        Files.writeString(tmp.resolve("README.md"), "# empty\n");
        var run = Runs.run(tmp, List.of("README.md"), IntegrationOptions.defaults());
        assertThat(run.problems()).isEmpty();
        assertThat(run.report().opportunities()).isEmpty();
        assertThat(run.patch()).isEmpty();
        assertThat(run.markdown()).contains("No place for an AI feature was found", "No patch was written", "Nothing to price");
    }

    @Test
    void hugeBinaryAndBadlyEncodedFilesAndPlantedSecretsDoNotBreakOrLeak() throws Exception {
        Txtar.write("java-shop", tmp);
        Files.writeString(tmp.resolve("src/main/java/com/acme/shop/Secret.java"), """
                package com.acme.shop;

                class Secret {
                    static final String KEY = "AKIAIOSFODNN7EXAMPLE";
                    static final String TOKEN = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB";
                    static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("x");

                    void fail(Exception e) {
                        log.error("failed with " + KEY, e);
                    }
                }
                """);
        Files.writeString(tmp.resolve("huge.js"), "console.error('x');" + "a".repeat(3_000_000) + "\n");
        Files.write(tmp.resolve("blob.bin"), new byte[] {0, 1, 2, (byte) 0xff, 0, 10, 60, 102, 111, 114, 109, 62});
        Files.write(tmp.resolve("latin1.html"), "<form>caf\u00e9</form>\n".getBytes(StandardCharsets.ISO_8859_1));
        Path deep = tmp.resolve("a/".repeat(40));
        Files.createDirectories(deep);
        Files.writeString(deep.resolve("help.md"), "# Help\n");
        Files.writeString(tmp.resolve("name with spaces.md"), "# FAQ\n");
        var run = Runs.run(tmp, AiIntegrationBench.files(tmp), IntegrationOptions.defaults());
        assertThat(run.problems()).isEmpty();
        String all = run.markdown() + new String(run.patch(), StandardCharsets.UTF_8);
        assertThat(all).doesNotContain("AKIAIOSFODNN7EXAMPLE").doesNotContain("ghp_0123456789abcdefghij");
        assertThat(run.report().opportunities()).extracting(o -> o.subject()).contains("src/main/java/com/acme/shop/Secret.java");
    }

    @Test
    void pathsTheIntegrationWouldClashWithAreAvoided() throws Exception {
        Txtar.write("java-shop", tmp);
        Files.createDirectories(tmp.resolve("src/main/java/com/acme/shop/ai"));
        Files.writeString(tmp.resolve("src/main/java/com/acme/shop/ai/Existing.java"), "package com.acme.shop.ai;\n\nclass Existing {\n}\n");
        var run = Runs.run(tmp, AiIntegrationBench.files(tmp), IntegrationOptions.defaults());
        assertThat(run.report().layout().javaPackage()).isEqualTo("com.acme.shop.lunaai");
        assertThat(run.report().files().keySet()).allMatch(p -> !Files.exists(tmp.resolve(p)));
    }

    @Test
    void optionsAtTheirEdges() throws Exception {
        Txtar.write("java-shop", tmp);
        var files = AiIntegrationBench.files(tmp);
        var one = Runs.run(tmp, files, new IntegrationOptions("auto", false, 1, 1, Map.of("text-classification", 1_000_000L), 0));
        assertThat(one.report().opportunities()).hasSize(1);
        assertThat(one.report().more()).isPositive();
        assertThat(one.patch()).isEmpty();
        assertThat(one.markdown()).contains("options.emitPatch is false");
        // 1,000,000 × (600 × $0.10 + 80 × $0.40) / 1M tokens = $92.00 on gpt-4.1-nano, the recommendation for classification
        assertThat(one.report().cost().recommendedTotalUsd()).isEqualByComparingTo(new BigDecimal("92.00"));
        var all = Runs.run(tmp, files, new IntegrationOptions("auto", true, 50, 6, Map.of(), 10_000));
        assertThat(all.report().patchKinds()).hasSize(6);
        assertThat(all.problems()).isEmpty();
    }

    @Test
    void anEsModuleTypeScriptPackageGetsJsExtensionsAndTypeChecksUnderNodeNext() throws Exception {
        Txtar.write("express-ts", tmp);
        Files.writeString(tmp.resolve("package.json"), Files.readString(tmp.resolve("package.json")).replace("\"private\": true,", "\"private\": true,\n  \"type\": \"module\","));
        var run = Runs.run(tmp, AiIntegrationBench.files(tmp), new IntegrationOptions("typescript", true, 12, 6, Map.of(), 10_000));
        assertThat(run.report().layout().importExt()).isEqualTo(".js");
        var ts = run.report().files().keySet().stream().filter(p -> p.endsWith(".ts")).toList();
        for (String p : ts) Files.createDirectories(tmp.resolve(p).getParent());
        for (String p : ts) Files.writeString(tmp.resolve(p), run.report().files().get(p));
        Path check = tmp.resolve("tsc-esm");
        Files.createDirectories(check);
        Files.writeString(check.resolve("package.json"), "{\"type\": \"module\"}");
        assertThat(Toolchecks.tsc(check, ts.stream().map(tmp::resolve).toList(), "nodenext")).isEmpty();
    }

    @Test
    void theLanguageOptionWinsOverTheDominantLanguage() throws Exception {
        Txtar.write("java-shop", tmp);
        var run = Runs.run(tmp, AiIntegrationBench.files(tmp), new IntegrationOptions("python", true, 12, 6, Map.of(), 10_000));
        assertThat(run.report().target().language()).isEqualTo("python");
        assertThat(run.report().files()).containsKey("luna_ai/client.py");
        for (var e : run.report().files().entrySet()) {
            Files.createDirectories(tmp.resolve(e.getKey()).getParent());
            Files.writeString(tmp.resolve(e.getKey()), e.getValue());
        }
        var tests = Toolchecks.run(tmp, Toolchecks.python(), "-m", "unittest", "luna_ai.test_luna_ai");
        assertThat(tests.exit()).as(tests.output()).isZero();
    }
}
