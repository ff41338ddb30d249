package dev.luna.functions.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.luna.core.LunaException;
import dev.luna.sources.FileSelection;
import dev.luna.sources.GitSettings;
import dev.luna.sources.SkippedFile;
import dev.luna.sources.Source;
import dev.luna.sources.SourceFile;
import dev.luna.sources.SourceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How indexing reads a git repository on disk: shallowly, with the RAG limits and read policy; the clone is deleted. */
class GitSourceTest {
    static final SourceReader LOCAL = new SourceReader(new GitSettings(true, true, Duration.ofSeconds(30), 64L * 1024 * 1024, 200,
            name -> null), Indexer.LIMITS, null);

    static SourceReader.Contents fetch(Source source, List<String> include) {
        return LOCAL.read(source, "p", "source", FileSelection.of(include, List.of()), MediaFiles.READ_POLICY);
    }

    @Test
    void aRepositoryOnDiskIsFetchedShallowlyWithLimitsAndTheCloneIsDeleted(@TempDir Path dir) throws Exception {
        Path repoDir = dir.resolve("repo");
        try (Git g = Git.init().setDirectory(repoDir.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(repoDir.resolve("src"));
            Files.writeString(repoDir.resolve("src/A.java"), "class A {}\n");
            Files.writeString(repoDir.resolve("notes.md"), "# Notes\n");
            Files.write(repoDir.resolve("big.bin"), new byte[MediaFiles.MAX_FILE_BYTES + 1]);
            byte[] bigImage = new byte[MediaFiles.MAX_FILE_BYTES * 2];
            bigImage[0] = (byte) 0x89;
            Files.write(repoDir.resolve("poster.png"), bigImage);
            g.add().addFilepattern(".").call();
            var first = g.commit().setMessage("one").setAuthor("t", "t@e").setCommitter("t", "t@e").setSign(false).call();
            Files.writeString(repoDir.resolve("src/A.java"), "class A { int x; }\n");
            g.add().addFilepattern(".").call();
            var second = g.commit().setMessage("two").setAuthor("t", "t@e").setCommitter("t", "t@e").setSign(false).call();
            long tempsBefore = temps();

            var fetched = fetch(Source.git(repoDir.toString(), null, null), List.of());
            assertThat(fetched.revision()).isEqualTo(second.name());
            assertThat(fetched.files()).extracting(SourceFile::path).containsExactlyInAnyOrder("src/A.java", "notes.md", "poster.png");
            // a large image is read only as far as its metadata needs
            var poster = fetched.files().stream().filter(f -> f.path().equals("poster.png")).findFirst().orElseThrow();
            assertThat(poster.truncated()).isTrue();
            assertThat(poster.bytes()).hasSize(MediaFiles.HEAD_BYTES);
            assertThat(poster.size()).isEqualTo(MediaFiles.MAX_FILE_BYTES * 2L);
            assertThat(new String(fetched.files().stream().filter(f -> f.path().equals("src/A.java")).findFirst().orElseThrow().bytes()))
                    .contains("int x");
            assertThat(fetched.skipped()).extracting(SkippedFile::path).containsExactly("big.bin");
            assertThat(temps()).isEqualTo(tempsBefore);

            var onlyJava = fetch(Source.git(repoDir.toUri().toString(), second.name().substring(0, 10), null), List.of("**.java"));
            assertThat(onlyJava.revision()).isEqualTo(second.name());
            assertThat(onlyJava.files()).extracting(SourceFile::path).containsExactly("src/A.java");
            // an abbreviated id only matches branch or tag tips: the first commit is not one
            assertThatThrownBy(() -> fetch(Source.git(repoDir.toString(), first.name().substring(0, 10), null), List.of()))
                    .isInstanceOf(LunaException.class).hasMessageContaining("abbreviated commit ids only match branch or tag tips");
            assertThatThrownBy(() -> fetch(Source.git(repoDir.toString(), "nope", null), List.of()))
                    .isInstanceOf(LunaException.class).hasMessageContaining("ref 'nope' was not found").hasMessageContaining("main");
            assertThat(temps()).isEqualTo(tempsBefore);
        }
    }

    private static long temps() throws java.io.IOException {
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("luna-git-")).count();
        }
    }
}
