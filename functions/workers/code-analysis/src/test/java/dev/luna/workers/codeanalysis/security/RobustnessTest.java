package dev.luna.workers.codeanalysis.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.workers.codeanalysis.findings.AnalysisInput;
import dev.luna.workers.codeanalysis.findings.AnalyzerResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Bad input is a bounded, reported skip: unparseable, oversized, non-UTF-8, deeply nested, recursive; stop is honoured. */
class RobustnessTest {
    private static final String VULNERABLE = """
            class Ok extends javax.servlet.http.HttpServlet {
                void doGet(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
                    Runtime.getRuntime().exec(request.getParameter("cmd"));
                }
            }
            """;

    @TempDir
    Path dir;

    private AnalyzerResult analyse(List<String> files) {
        return Fixtures.ANALYZER.analyze(new AnalysisInput(dir, files, () -> false));
    }

    @Test
    void badFilesAreSkippedWithAReasonAndTheRestIsAnalysed() throws IOException {
        Files.writeString(dir.resolve("Broken.java"), "class Broken { void m( { }");
        Files.write(dir.resolve("Latin1.java"), new byte[] {'c', 'l', 'a', 's', 's', ' ', 'X', ' ', '{', '/', '/', (byte) 0xE9, '}'});
        Files.writeString(dir.resolve("Huge.java"), "class Huge {}\n" + "//".repeat((int) (SecurityAnalyzer.MAX_FILE_BYTES / 2) + 1));
        Files.writeString(dir.resolve("Ok.java"), VULNERABLE);
        var r = analyse(List.of("Broken.java", "Huge.java", "Latin1.java", "Missing.java", "Ok.java"));
        assertThat(r.skipped()).extracting(AnalyzerResult.Skipped::file).containsExactly("Broken.java", "Huge.java", "Latin1.java", "Missing.java");
        assertThat(r.skipped()).extracting(AnalyzerResult.Skipped::reason).allMatch(s -> !s.isBlank());
        assertThat(r.findings()).extracting(f -> f.ruleId()).containsExactly("java-cmdi");
        assertThat(r.complete()).isTrue();
    }

    @Test
    void deeplyNestedCodeIsAnalysedOrSkippedWithinBounds() throws IOException {
        var concat = new StringBuilder("class Deep extends javax.servlet.http.HttpServlet {\n void doGet(javax.servlet.http.HttpServletRequest request,"
                + " javax.servlet.http.HttpServletResponse response) throws Exception {\n String p = request.getParameter(\"p\");\n String s = p");
        for (int i = 0; i < 3000; i++) concat.append(" + \"x\"");
        concat.append(";\n Runtime.getRuntime().exec(s);\n int n = ");
        concat.append("(".repeat(2000)).append('1').append(")".repeat(2000)).append(";\n }\n}\n");
        Files.writeString(dir.resolve("Deep.java"), concat.toString());
        var nested = new StringBuilder("class Blocks { void m(boolean b) {\n");
        nested.append("if (b) {\n".repeat(400)).append("}\n".repeat(400)).append("}}\n");
        Files.writeString(dir.resolve("Blocks.java"), nested.toString());
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            var r = analyse(List.of("Blocks.java", "Deep.java"));
            assertThat(r.findings().size() + r.skipped().size()).isPositive();
        });
    }

    @Test
    void recursionAndCyclesTerminate() throws IOException {
        Files.writeString(dir.resolve("Cycle.java"), """
                class Cycle extends javax.servlet.http.HttpServlet {
                    String a(String s, int n) { return n == 0 ? s : b(s + "a", n - 1); }
                    String b(String s, int n) { return a(s, n); }
                    String loop(String s) { while (true) { s = s + s; if (s.length() > 10) return s; } }
                    void doGet(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
                        Runtime.getRuntime().exec(loop(a(request.getParameter("p"), 3)));
                    }
                }
                """);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            var r = analyse(List.of("Cycle.java"));
            assertThat(r.findings()).extracting(f -> f.ruleId()).containsExactly("java-cmdi");
        });
    }

    @Test
    void stopEndsTheRunEarlyAndSaysSo() throws IOException {
        for (int i = 0; i < 5; i++) Files.writeString(dir.resolve("F" + i + ".java"), VULNERABLE.replace("class Ok", "class F" + i));
        var polls = new AtomicInteger();
        var r = Fixtures.ANALYZER.analyze(new AnalysisInput(dir, List.of("F0.java", "F1.java", "F2.java", "F3.java", "F4.java"),
                () -> polls.incrementAndGet() > 2));
        assertThat(r.complete()).isFalse();
        assertThat(polls.get()).isGreaterThan(2);
        assertThatCode(() -> r.findings().size()).doesNotThrowAnyException();
    }

    @Test
    void aLargeProjectIsAnalysedInChunksWithTheSameIntraChunkFindings() throws IOException {
        var names = new java.util.ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            Files.writeString(dir.resolve("F" + i + ".java"), VULNERABLE.replace("class Ok", "class F" + i));
            names.add("F" + i + ".java");
        }
        var whole = analyse(names);
        var chunked = new SecurityAnalyzer(5).analyze(new AnalysisInput(dir, names, () -> false));
        assertThat(chunked.stats()).containsEntry("chunks", 6);
        assertThat(whole.stats()).containsEntry("chunks", 1);
        assertThat(chunked.findings()).isEqualTo(whole.findings()).hasSize(6);
    }

    @Test
    void modernJavaParses() throws IOException {
        Files.writeString(dir.resolve("Modern.java"), """
                sealed interface Shape permits Circle, Square {}
                record Circle(double r) implements Shape {}
                record Square(double side) implements Shape {}
                class Modern extends javax.servlet.http.HttpServlet {
                    static double area(Shape s) {
                        return switch (s) {
                            case Circle c when c.r() > 0 -> Math.PI * c.r() * c.r();
                            case Circle c -> 0;
                            case Square q -> q.side() * q.side();
                        };
                    }
                    void doGet(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
                        Object o = request.getParameter("p");
                        if (o instanceof String s && !s.isEmpty()) {
                            var text = \"\"\"
                                hello
                                \"\"\";
                            Runtime.getRuntime().exec(text + s);
                        }
                    }
                }
                """);
        var r = analyse(List.of("Modern.java"));
        assertThat(r.skipped()).isEmpty();
        assertThat(r.findings()).extracting(f -> f.ruleId()).containsExactly("java-cmdi");
    }

    @Test
    void nonJavaFilesAreIgnoredAndPropertiesAreRead() throws IOException {
        Files.writeString(dir.resolve("README.md"), "# not java");
        Files.writeString(dir.resolve("app.properties"), "alg=DES\n");
        Files.writeString(dir.resolve("C.java"), """
                class C {
                    void m(java.util.Properties props) throws Exception {
                        javax.crypto.Cipher.getInstance(props.getProperty("alg", "AES/GCM/NoPadding"));
                    }
                }
                """);
        var r = analyse(List.of("C.java", "README.md", "app.properties"));
        assertThat(r.skipped()).isEmpty();
        assertThat(r.findings()).extracting(f -> f.ruleId()).containsExactly("java-weak-cipher");
        assertThat(r.findings().get(0).message()).contains("DES");
    }
}
