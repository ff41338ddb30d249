package dev.luna.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.core.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

/** The guards of archive sources: traversal, links, devices, bombs, entry counts, file sizes, unreadable archives. */
class ArchiveGuardsTest {
    static final Checkouts CHECKOUTS = new Checkouts(GitSettings.STRICT, SourceLimits.DEFAULTS, null);
    static final SourceValidator VALIDATOR = new SourceValidator(GitSettings.STRICT, SourceLimits.DEFAULTS);

    static Checkout checkout(Checkouts checkouts, Source source) {
        return checkouts.checkout(source, "p", "payload.source");
    }

    static long checkoutDirs() throws IOException {
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("luna-checkout-")).count();
        }
    }

    @Test
    void anEntryOutsideTheArchiveRefusesTheWholeArchiveAtSubmissionAndAtCheckout() throws IOException {
        long before = checkoutDirs();
        for (String evil : List.of("../evil.sh", "src/../../evil.sh", "/etc/cron.d/evil", "C:\\Windows\\evil.dll", "..\\..\\evil.bat")) {
            var zip = Source.archive("zip", new TestArchives.Zip().file("ok/A.java", "class A {}").file(evil, "boom").base64());
            var tar = Source.archive("tar.gz", new TestArchives.Tar(true).file("ok/A.java", "class A {}").file(evil, "boom").base64());
            for (var source : List.of(zip, tar)) {
                assertThatThrownBy(() -> VALIDATOR.validate(source, "payload.source")).as(evil).isInstanceOf(ValidationException.class)
                        .hasMessageContaining("payload.source.contentBase64").hasMessageContaining("has an entry whose path must");
                assertThatThrownBy(() -> checkout(CHECKOUTS, source)).as(evil).isInstanceOf(ValidationException.class)
                        .hasMessageContaining("payload.source.contentBase64");
            }
        }
        assertThat(checkoutDirs()).as("a refused checkout leaves no directory behind").isEqualTo(before);
    }

    @Test
    void symbolicLinksInZipAndTarAreReportedAndNeverWritten() {
        var zip = Source.archive("zip", new TestArchives.Zip().symlink("passwd", "/etc/passwd").file("A.java", "class A {}").base64());
        try (var c = checkout(CHECKOUTS, zip)) {
            assertThat(c.files()).containsExactly("A.java");
            assertThat(c.skipped()).containsExactly(new SkippedFile("passwd", SkippedFile.Reason.SYMLINK, "symbolic link; not followed"));
            assertThat(Files.exists(c.root().resolve("passwd"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        }
        // a link to a directory, then a file "inside" it: the file lands in a real directory under the root
        var tar = Source.archive("tar", new TestArchives.Tar(false).symlink("etc", "/etc").file("etc/cron.d/job", "* * * * * true\n")
                .hardLink("hard", "/etc/shadow").special("fifo", TarConstants.LF_FIFO).special("tty", TarConstants.LF_CHR)
                .file("A.java", "class A {}").base64());
        try (var c = checkout(CHECKOUTS, tar)) {
            assertThat(c.files()).containsExactly("A.java", "etc/cron.d/job");
            assertThat(c.skipped()).extracting(SkippedFile::path, SkippedFile::reason).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("etc", SkippedFile.Reason.SYMLINK),
                    org.assertj.core.groups.Tuple.tuple("fifo", SkippedFile.Reason.SPECIAL),
                    org.assertj.core.groups.Tuple.tuple("hard", SkippedFile.Reason.HARD_LINK),
                    org.assertj.core.groups.Tuple.tuple("tty", SkippedFile.Reason.SPECIAL));
            assertThat(Files.isSymbolicLink(c.root().resolve("etc"))).isFalse();
            assertThat(Files.isDirectory(c.root().resolve("etc"), LinkOption.NOFOLLOW_LINKS)).isTrue();
            assertThat(c.root().resolve("etc/cron.d/job")).content().isEqualTo("* * * * * true\n");
        }
    }

    @Test
    void anArchiveBombIsRefusedWhileItIsReadNeverExpandedWhole() {
        var small = new Checkouts(GitSettings.STRICT, SourceLimits.DEFAULTS.withMaxExpandedBytes(4L * SourceLimits.MIB), null);
        byte[] bomb = new TestArchives.Zip().zeros("a.txt", 3L * SourceLimits.MIB).zeros("b.txt", 3L * SourceLimits.MIB).bytes();
        assertThat(bomb.length).as("6 MiB of zeros compress to a few KiB").isLessThan(64 * 1024);
        for (var source : List.of(Source.archive("zip", java.util.Base64.getEncoder().encodeToString(bomb)),
                Source.archive("tar.gz", new TestArchives.Tar(true).file("a.txt", new byte[3 * SourceLimits.MIB])
                        .file("b.txt", new byte[3 * SourceLimits.MIB]).base64()))) {
            assertThatThrownBy(() -> checkout(small, source)).isInstanceOf(LunaException.class)
                    .satisfies(e -> assertThat(((LunaException) e).code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE))
                    .hasMessageContaining("expands beyond 4194304 bytes (zip bomb guard)");
        }
    }

    @Test
    void tooManyEntriesRefuseTheArchive() {
        var ten = new Checkouts(GitSettings.STRICT, SourceLimits.DEFAULTS.withMaxEntries(10), null);
        var zip = new TestArchives.Zip();
        for (int i = 0; i < 11; i++) zip.file("f" + i + ".txt", "x");
        var source = Source.archive("zip", zip.base64());
        assertThatThrownBy(() -> checkout(ten, source)).isInstanceOf(LunaException.class)
                .satisfies(e -> assertThat(((LunaException) e).code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE))
                .hasMessageContaining("more than 10 entries");
    }

    @Test
    void aFileAboveThePerFileLimitIsSkippedAndTheRestKept() {
        byte[] big = "a".repeat(SourceLimits.MIB + 1).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var source = Source.archive("zip", new TestArchives.Zip().file("big.txt", big).file("small.txt", "fits\n").base64());
        try (var c = checkout(CHECKOUTS, source)) {
            assertThat(c.files()).containsExactly("small.txt");
            assertThat(c.skipped()).containsExactly(new SkippedFile("big.txt", SkippedFile.Reason.TOO_LARGE, "larger than 1048576 bytes"));
        }
    }

    @Test
    void unreadableArchivesAndUnknownFormatsNameTheirField() {
        String garbage = java.util.Base64.getEncoder().encodeToString("not an archive".getBytes());
        assertThatThrownBy(() -> VALIDATOR.validate(Source.archive("tar.gz", garbage), "payload.source"))
                .hasMessageContaining("payload.source.contentBase64").hasMessageContaining("is not a readable tar.gz archive");
        assertThatThrownBy(() -> VALIDATOR.validate(Source.archive("zip", garbage), "payload.source"))
                .hasMessageContaining("payload.source.contentBase64").hasMessageContaining("is not a readable zip archive");
        assertThatThrownBy(() -> VALIDATOR.validate(Source.archive("rar", garbage), "payload.source")).hasMessageContaining("payload.source.format");
        assertThatThrownBy(() -> VALIDATOR.validate(Source.archive("zip", "***"), "payload.source"))
                .hasMessageContaining("payload.source.contentBase64").hasMessageContaining("base64");
    }
}
