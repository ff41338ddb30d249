package dev.luna.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.core.ValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checkouts of inline and archive sources: what is written, what is skipped and why, budgets, revisions, clean-up. */
class CheckoutsTest {
    static final Checkouts CHECKOUTS = new Checkouts(GitSettings.STRICT, SourceLimits.DEFAULTS, null);

    static Source.InlineFile text(String path, String content) {
        return new Source.InlineFile(path, content, null);
    }

    static Source.InlineFile bytes(String path, byte[] content) {
        return new Source.InlineFile(path, null, Base64.getEncoder().encodeToString(content));
    }

    static Checkout checkout(Checkouts checkouts, List<Source.InlineFile> files) {
        return checkouts.checkout(Source.inline(files), "p", "payload.source");
    }

    @Test
    void textFilesAreWrittenAndEverythingElseIsSkippedWithItsReason() throws Exception {
        var files = new ArrayList<Source.InlineFile>();
        files.add(text("src/Main.java", "class Main {}\n"));
        files.add(text(".gitignore", "*.log\nbuild/\n!build/keep.txt\n"));
        files.add(text("app/.gitignore", "!debug.log\n"));
        files.add(text("server.log", "GET /\n"));
        files.add(text("app/debug.log", "kept by app/.gitignore\n"));
        files.add(text("build/out.txt", "generated\n"));
        files.add(text("build/keep.txt", "inside an ignored directory\n"));
        files.add(text(".git/config", "[core]\n"));
        files.add(bytes("docs/legacy.txt", "caf\u00e9 cr\u00e8me\n".getBytes(StandardCharsets.ISO_8859_1)));
        files.add(bytes("img/logo.png", "not even a png".getBytes(StandardCharsets.UTF_8)));
        files.add(bytes("data/blob.raw", new byte[] {1, 2, 0, 3}));
        files.add(text("big.txt", "x".repeat(SourceLimits.MIB + 1)));
        files.add(text("a/".repeat(65) + "deep.txt", "too deep\n"));
        files.add(text("src/Main.java", "class Other {}\n"));
        try (var c = checkout(CHECKOUTS, files)) {
            assertThat(c.root()).isEqualTo(c.directory().resolve("tree"));
            assertThat(c.files()).containsExactly(".gitignore", "app/.gitignore", "app/debug.log", "docs/legacy.txt", "src/Main.java");
            assertThat(c.skipped()).extracting(SkippedFile::path, SkippedFile::reason).containsExactly(
                    tuple(".git/config", SkippedFile.Reason.IGNORED),
                    tuple("a/".repeat(65) + "deep.txt", SkippedFile.Reason.TOO_DEEP),
                    tuple("big.txt", SkippedFile.Reason.TOO_LARGE),
                    tuple("build/keep.txt", SkippedFile.Reason.IGNORED),
                    tuple("build/out.txt", SkippedFile.Reason.IGNORED),
                    tuple("data/blob.raw", SkippedFile.Reason.BINARY),
                    tuple("img/logo.png", SkippedFile.Reason.BINARY),
                    tuple("server.log", SkippedFile.Reason.IGNORED),
                    tuple("src/Main.java", SkippedFile.Reason.DUPLICATE));
            assertThat(c.transcoded()).containsExactly("docs/legacy.txt");
            assertThat(c.root().resolve("docs/legacy.txt")).content(StandardCharsets.UTF_8).isEqualTo("café crème\n");
            assertThat(c.root().resolve("src/Main.java")).content().isEqualTo("class Main {}\n");
            assertThat(c.git()).isNull();
            assertThat(c.revision()).matches("sha256:[0-9a-f]{64}");
            try (var walk = Files.walk(c.root())) {
                assertThat(walk.filter(Files::isRegularFile).count()).as("nothing but the listed files").isEqualTo(5);
            }
        }
    }

    @Test
    void theRevisionIsAContentHashIndependentOfOrderAndTheDirectoryGoesOnClose() {
        var a = List.of(text("b.txt", "two\n"), text("a.txt", "one\n"));
        var c1 = checkout(CHECKOUTS, a);
        var c2 = checkout(CHECKOUTS, List.of(a.get(1), a.get(0)));
        var c3 = checkout(CHECKOUTS, List.of(text("a.txt", "one\n"), text("b.txt", "two!\n")));
        try (c1; c2; c3) {
            assertThat(c2.revision()).isEqualTo(c1.revision());
            assertThat(c3.revision()).isNotEqualTo(c1.revision());
            assertThat(c2.directory()).isNotEqualTo(c1.directory());
        }
        assertThat(c1.directory()).doesNotExist();
        assertThat(c2.directory()).doesNotExist();
    }

    @Test
    void pastTheBudgetFilesAreSkippedOrTheCheckoutFails() {
        var files = List.of(text("a.txt", "12345"), text("b.txt", "12345"), text("c.txt", "1"), text("d.txt", "1234567"));
        var twoFiles = new Checkouts(GitSettings.STRICT, SourceLimits.DEFAULTS.withMaxFiles(2), null);
        try (var c = checkout(twoFiles, files)) {
            assertThat(c.files()).containsExactly("a.txt", "b.txt");
            assertThat(c.skipped()).extracting(SkippedFile::path, SkippedFile::reason).containsExactly(
                    tuple("c.txt", SkippedFile.Reason.OVER_FILE_BUDGET), tuple("d.txt", SkippedFile.Reason.OVER_FILE_BUDGET));
        }
        var elevenBytes = new Checkouts(GitSettings.STRICT, SourceLimits.DEFAULTS.withMaxTotalBytes(11), null);
        try (var c = checkout(elevenBytes, files)) {
            assertThat(c.files()).containsExactly("a.txt", "b.txt", "c.txt");
            assertThat(c.skipped()).extracting(SkippedFile::path, SkippedFile::reason).containsExactly(tuple("d.txt", SkippedFile.Reason.OVER_BYTE_BUDGET));
        }
        var strict = new Checkouts(GitSettings.STRICT, SourceLimits.DEFAULTS.withMaxFiles(2).failingOverBudget(true), null);
        assertThatThrownBy(() -> checkout(strict, files)).isInstanceOf(LunaException.class)
                .satisfies(e -> assertThat(((LunaException) e).code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE))
                .hasMessageContaining("more than 2 files are selected");
        var fewEntries = new Checkouts(GitSettings.STRICT, SourceLimits.DEFAULTS.withMaxEntries(3), null);
        var archive = new TestArchives.Zip();
        files.forEach(f -> archive.file(f.path(), f.content()));
        assertThatThrownBy(() -> fewEntries.checkout(Source.archive("zip", archive.base64()), "p", "payload.source"))
                .isInstanceOf(LunaException.class).hasMessageContaining("more than 3 entries");
    }

    @Test
    void anArchiveIsCheckedOutWithItsGitignoreAndAFileSelection() {
        var zip = new TestArchives.Zip().file(".gitignore", "node_modules/\n").file("node_modules/left-pad/index.js", "module.exports = 1;\n")
                .file("src/app.ts", "export const a = 1;\n").file("src/app.test.ts", "test();\n").file("README.md", "# App\n");
        try (var c = CHECKOUTS.checkout(Source.archive("zip", zip.base64()), "p", "payload.source", FileSelection.of(List.of("src/**", "*.md",
                "node_modules/**"), List.of("**.test.ts")))) {
            assertThat(c.files()).containsExactly("README.md", "src/app.ts");
            assertThat(c.skipped()).extracting(SkippedFile::path, SkippedFile::reason)
                    .containsExactly(tuple("node_modules/left-pad/index.js", SkippedFile.Reason.IGNORED));
        }
    }

    @Test
    void badSourcesNameTheirFieldUnderThePrefix() throws Exception {
        long before = ArchiveGuardsTest.checkoutDirs();
        assertThatThrownBy(() -> checkout(CHECKOUTS, List.of(text("ok.txt", "x"), text("../escape.txt", "x")))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("payload.source.files[1].path");
        assertThatThrownBy(() -> CHECKOUTS.checkout(new Source("ftp", null, null, null, null, null, null, null), "p", "payload.source"))
                .hasMessageContaining("payload.source.type");
        assertThatThrownBy(() -> CHECKOUTS.checkout(Source.s3("repo/"), "p", "payload.source")).hasMessageContaining("s3 sources are not available");
        assertThatThrownBy(() -> CHECKOUTS.checkout(Source.git("http://github.com/a/b", null, null), "p", "payload.source"))
                .hasMessageContaining("payload.source.url");
        assertThat(ArchiveGuardsTest.checkoutDirs()).isEqualTo(before);
    }
}
