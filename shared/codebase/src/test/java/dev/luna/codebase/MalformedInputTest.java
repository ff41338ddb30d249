package dev.luna.codebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.luna.codebase.manifest.Manifest;
import dev.luna.codebase.source.FileIssue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MalformedInputTest {
    @TempDir
    Path root;

    private void write(String path, String text) throws IOException {
        var file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private ProjectModel analyse() {
        return new Codebase().analyse(root, Fixtures.files(root), () -> false);
    }

    private static Manifest manifest(ProjectModel model, String path) {
        return model.manifests().stream().filter(m -> m.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void brokenJavaIsReportedAndTheRestIsStillAnalysed() throws IOException {
        write("src/main/java/a/Broken.java", "package a;\nclass Broken {\n  void m( {\n}\n");
        write("src/main/java/a/Fine.java", "package a;\nclass Fine { void m() { new Fine().m(); } }\n");
        var model = analyse();
        assertThat(model.issues()).singleElement().satisfies(i -> {
            assertThat(i.path()).isEqualTo("src/main/java/a/Broken.java");
            assertThat(i.kind()).isEqualTo("unparseable");
            assertThat(i.detail()).contains("line 3");
        });
        assertThat(model.java().types()).extracting(t -> t.fqn()).containsExactly("a.Fine");
        assertThat(model.java().calls()).extracting(c -> c.to()).containsExactly("a.Fine#m()");
    }

    @Test
    void brokenManifestsBecomeProblemsNotExceptions() throws IOException {
        write("package.json", "{\n  \"name\": \"x\",\n  \"dependencies\": { \"a\": \"1.0.0\" \n");
        write("pom.xml", "<project><artifactId>x</artifactId><dependencies><dependency></dependencies></project>");
        write("pyproject.toml", "[project]\nname = \"x\"\ndependencies = [\"a\"\n");
        write("go.mod", "require (\n  github.com/a/b v1.0.0\n");
        write("gradle/libs.versions.toml", "[libraries]\nx = { module = \n");
        write("build.gradle", "dependencies {\n  implementation 'a:b:1.0'\n");
        write("package-lock.json", "[1, 2");
        var model = analyse();
        assertThat(manifest(model, "package.json").problems()).singleElement().asString().startsWith("line ").contains("invalid JSON");
        assertThat(manifest(model, "pom.xml").problems()).singleElement().asString().startsWith("line 1:");
        assertThat(manifest(model, "pyproject.toml").problems()).singleElement().asString().startsWith("invalid TOML");
        assertThat(manifest(model, "go.mod").problems()).containsExactly("unterminated require block", "no module directive");
        assertThat(manifest(model, "gradle/libs.versions.toml").problems()).hasSize(1);
        assertThat(manifest(model, "build.gradle").problems()).containsExactly("unbalanced braces (1 unclosed)");
        assertThat(manifest(model, "build.gradle").dependencies()).extracting(d -> d.name()).containsExactly("a:b");
        assertThat(manifest(model, "package-lock.json").problems()).hasSize(1);
    }

    @Test
    void aHugeSingleLineFileIsCountedButNotParsed() throws IOException {
        var big = "var x = [" + "1,".repeat(2_600_000) + "1];";
        write("dist/bundle.js", big);
        var model = analyse();
        assertThat(model.issues()).extracting(FileIssue::path, FileIssue::kind).containsExactly(tuple("dist/bundle.js", "too-large"));
        assertThat(model.files()).singleElement().satisfies(f -> {
            assertThat(f.lines()).isEqualTo(1);
            assertThat(f.bytes()).isEqualTo(big.length());
            assertThat(f.language()).isEqualTo("JavaScript");
        });
    }

    @Test
    void deeplyNestedExpressionsAreSkippedAsTooDeepWithoutStackOverflow() throws IOException {
        write("src/Deep.java", "class Deep { int x = " + "(".repeat(20_000) + "1" + ")".repeat(20_000) + "; }");
        write("src/Medium.java", "class Medium { int x = " + "(".repeat(190) + "1" + ")".repeat(190) + "; }");
        write("web/deep.js", "const x = " + "[".repeat(50_000) + "]".repeat(50_000) + ";");
        write("app/deep.py", "x = " + "(".repeat(50_000) + ")".repeat(50_000) + "\n");
        var model = analyse();
        assertThat(model.issues()).extracting(FileIssue::path, FileIssue::kind).contains(
                tuple("src/Deep.java", "too-deep"), tuple("web/deep.js", "too-deep"), tuple("app/deep.py", "too-deep"));
        assertThat(model.issues()).extracting(FileIssue::path).doesNotContain("src/Medium.java").hasSize(3);
        assertThat(model.java().types()).extracting(t -> t.fqn()).containsExactly("Medium");
    }

    @Test
    void nonUtf8BytesAreReplacedAndReported() throws IOException {
        var file = root.resolve("src/Latin.java");
        Files.createDirectories(file.getParent());
        Files.write(file, "class Latin { String s = \"caf\u00e9\"; }".getBytes(StandardCharsets.ISO_8859_1));
        write("notes/garbage.ts", "\u0000\u0001 import { from 'x' ` ${ /* \" ' /");
        var model = analyse();
        assertThat(model.issues()).extracting(FileIssue::path, FileIssue::kind).containsExactly(tuple("src/Latin.java", "not-utf8"));
        assertThat(model.java().types()).extracting(t -> t.fqn()).containsExactly("Latin");
    }

    @Test
    void stoppingReturnsWhatWasBuiltFlaggedIncomplete() throws IOException {
        for (int i = 0; i < 10; i++) write("src/p/C" + i + ".java", "package p;\nclass C" + i + " {}\n");
        var polls = new AtomicInteger();
        var model = new Codebase().analyse(root, Fixtures.files(root), () -> polls.incrementAndGet() > 4);
        assertThat(model.complete()).isFalse();
        assertThat(model.files()).hasSize(4);
        assertThat(model.java().types()).hasSize(4);
        assertThat(model.issues()).extracting(FileIssue::path, FileIssue::kind, FileIssue::detail)
                .containsExactly(tuple("src/p/C4.java", "not-analysed", "stopped; 6 files from here on were not read"));
    }

    @Test
    void missingFilesAreUnreadableIssues() {
        var model = new Codebase().analyse(root, List.of("gone.java"), () -> false);
        assertThat(model.issues()).extracting(FileIssue::path, FileIssue::kind).containsExactly(tuple("gone.java", "unreadable"));
    }
}
