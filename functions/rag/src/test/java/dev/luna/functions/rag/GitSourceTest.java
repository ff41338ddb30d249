package dev.luna.functions.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.luna.core.LunaException;
import dev.luna.core.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Git source rules without a server: URL, host, ref and secret checks, and fetching a repository on disk. */
class GitSourceTest {
    static final GitSource STRICT = new GitSource(GitSource.Settings.STRICT);
    static final GitSource LOCAL = new GitSource(new GitSource.Settings(true, true, Duration.ofSeconds(30), 64L * 1024 * 1024,
            name -> name.equals("ci-token") ? "s3cret" : null));

    static Requests.Source git(String url, String ref, String secret) {
        return new Requests.Source("git", null, null, null, null, url, ref, secret);
    }

    @Test
    void strictSettingsAcceptOnlyHttpsUrlsOfPublicHosts() {
        STRICT.validate(git("https://github.com/acme/repo.git", null, null));
        STRICT.validate(git("https://gitlab.example.com/group/sub/repo", "release/1.2", "ci-token"));
        STRICT.validate(git("https://github.com/acme/repo.git", "v1.0.0", null));
        STRICT.validate(git("https://github.com/acme/repo.git", "0123abc", null));
        STRICT.validate(git("https://github.com/acme/repo.git", "refs/pull/12/head", null));
        for (String url : List.of("http://github.com/a/b", "ssh://git@github.com/a/b", "git://github.com/a/b", "file:///tmp", "/tmp",
                "github.com/a/b", "https:///nohost", "https://user:pw@github.com/a/b", "https://github.com/a/b#frag", "https://127.0.0.1/a",
                "https://10.1.2.3/a", "https://172.20.0.1/a", "https://192.168.1.1/a", "https://169.254.169.254/a", "https://localhost/a",
                "https://svc.internal/a", "https://[::1]/a", "https://[fd00::1]/a", "https://100.64.0.1/a", "ht tps://x", "")) {
            assertThatThrownBy(() -> STRICT.validate(git(url, null, null))).as(url).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("source.url");
        }
        for (String ref : List.of("", " ", "a..b", "main~1", "feature branch", "x".repeat(256), "-x:y", "refs/heads/a^b")) {
            assertThatThrownBy(() -> STRICT.validate(git("https://github.com/a/b", ref, null))).as(ref).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("source.ref");
        }
        for (String secret : List.of("", "../x", "a/b", "x".repeat(65), "-x")) {
            assertThatThrownBy(() -> STRICT.validate(git("https://github.com/a/b", null, secret))).as(secret).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("source.credentialsSecret");
        }
    }

    @Test
    void localSettingsAllowHttpFileUrlsPathsAndPrivateHosts(@TempDir Path dir) {
        LOCAL.validate(git("http://127.0.0.1:8080/repo.git", null, null));
        LOCAL.validate(git("https://10.0.0.5/repo.git", null, null));
        assertThat(LOCAL.target(dir.toString())).isEqualTo(dir.toUri().toString());
        assertThat(LOCAL.target(dir.toUri().toString())).isEqualTo(dir.toUri().toString());
        assertThatThrownBy(() -> LOCAL.validate(git(dir.resolve("missing").toString(), null, null))).hasMessageContaining("no repository directory");
        assertThatThrownBy(() -> LOCAL.validate(git("ssh://git@host/a", null, null))).hasMessageContaining("scheme 'ssh' is not supported");
    }

    @Test
    void aRepositoryOnDiskIsFetchedShallowlyWithLimitsAndTheCloneIsDeleted(@TempDir Path dir) throws Exception {
        Path repoDir = dir.resolve("repo");
        try (Git g = Git.init().setDirectory(repoDir.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(repoDir.resolve("src"));
            Files.writeString(repoDir.resolve("src/A.java"), "class A {}\n");
            Files.writeString(repoDir.resolve("notes.md"), "# Notes\n");
            Files.write(repoDir.resolve("big.bin"), new byte[Archives.MAX_FILE_BYTES + 1]);
            byte[] bigImage = new byte[Archives.MAX_FILE_BYTES * 2];
            bigImage[0] = (byte) 0x89;
            Files.write(repoDir.resolve("poster.png"), bigImage);
            g.add().addFilepattern(".").call();
            var first = g.commit().setMessage("one").setAuthor("t", "t@e").setCommitter("t", "t@e").setSign(false).call();
            Files.writeString(repoDir.resolve("src/A.java"), "class A { int x; }\n");
            g.add().addFilepattern(".").call();
            var second = g.commit().setMessage("two").setAuthor("t", "t@e").setCommitter("t", "t@e").setSign(false).call();
            long tempsBefore = temps();

            var errors = new ArrayList<FileError>();
            var fetched = LOCAL.fetch(git(repoDir.toString(), null, null), List.of(), List.of(), errors);
            assertThat(fetched.commit()).isEqualTo(second.name());
            assertThat(fetched.files()).extracting(SourceFile::path).containsExactlyInAnyOrder("src/A.java", "notes.md", "poster.png");
            // a large image is read only as far as its metadata needs
            var poster = fetched.files().stream().filter(f -> f.path().equals("poster.png")).findFirst().orElseThrow();
            assertThat(poster.truncated()).isTrue();
            assertThat(poster.bytes()).hasSize(MediaFiles.HEAD_BYTES);
            assertThat(poster.size()).isEqualTo(Archives.MAX_FILE_BYTES * 2L);
            assertThat(new String(fetched.files().stream().filter(f -> f.path().equals("src/A.java")).findFirst().orElseThrow().bytes()))
                    .contains("int x");
            assertThat(errors).extracting(FileError::path).containsExactly("big.bin");
            assertThat(temps()).isEqualTo(tempsBefore);

            var onlyJava = LOCAL.fetch(git(repoDir.toUri().toString(), second.name().substring(0, 10), null),
                    Indexer.matchers(List.of("**.java")), List.of(), new ArrayList<>());
            assertThat(onlyJava.commit()).isEqualTo(second.name());
            assertThat(onlyJava.files()).extracting(SourceFile::path).containsExactly("src/A.java");
            // an abbreviated id only matches branch or tag tips: the first commit is not one
            assertThatThrownBy(() -> LOCAL.fetch(git(repoDir.toString(), first.name().substring(0, 10), null), List.of(), List.of(), new ArrayList<>()))
                    .isInstanceOf(LunaException.class).hasMessageContaining("abbreviated commit ids only match branch or tag tips");
            assertThatThrownBy(() -> LOCAL.fetch(git(repoDir.toString(), "nope", null), List.of(), List.of(), new ArrayList<>()))
                    .isInstanceOf(LunaException.class).hasMessageContaining("ref 'nope' was not found").hasMessageContaining("main");
            assertThat(temps()).isEqualTo(tempsBefore);
        }
    }

    @Test
    void symbolicLinksAreNotFollowedAndTheSizeAndTimeGuardsStopAFetch(@TempDir Path dir) throws Exception {
        Path repoDir = dir.resolve("repo");
        try (Git g = Git.init().setDirectory(repoDir.toFile()).setInitialBranch("main").call()) {
            Files.writeString(repoDir.resolve("A.java"), "class A {}\n");
            Files.createSymbolicLink(repoDir.resolve("passwd"), Path.of("/etc/passwd"));
            g.add().addFilepattern(".").call();
            g.commit().setMessage("one").setAuthor("t", "t@e").setCommitter("t", "t@e").setSign(false).call();
        }
        var errors = new ArrayList<FileError>();
        var fetched = LOCAL.fetch(git(repoDir.toString(), null, null), List.of(), List.of(), errors);
        assertThat(fetched.files()).extracting(SourceFile::path).containsExactly("A.java");
        assertThat(errors).containsExactly(new FileError("passwd", "symbolic link; not followed"));

        var tiny = new GitSource(new GitSource.Settings(true, true, Duration.ofSeconds(30), 1, name -> null));
        assertThatThrownBy(() -> tiny.fetch(git(repoDir.toString(), null, null), List.of(), List.of(), new ArrayList<>()))
                .isInstanceOf(LunaException.class).hasMessageContaining("fetching stopped: the repository is larger than 1 bytes");
        var late = new GitSource(new GitSource.Settings(true, true, Duration.ofNanos(1), 1L << 30, name -> null));
        assertThatThrownBy(() -> late.fetch(git(repoDir.toString(), null, null), List.of(), List.of(), new ArrayList<>()))
                .isInstanceOf(LunaException.class).hasMessageContaining("fetching stopped: it took longer than the clone timeout");
    }

    @Test
    void anUnknownCredentialsSecretFailsBeforeAnyNetworkCall() {
        assertThatThrownBy(() -> LOCAL.fetch(git("https://github.com/acme/repo.git", null, "nope"), List.of(), List.of(), new ArrayList<>()))
                .isInstanceOf(LunaException.class).hasMessageContaining("credentials secret 'nope' is not configured");
    }

    private static long temps() throws java.io.IOException {
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("luna-git-")).count();
        }
    }
}
