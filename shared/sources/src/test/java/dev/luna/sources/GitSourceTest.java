package dev.luna.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.luna.core.LunaException;
import dev.luna.core.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Git source rules without a server: URL, host, ref and secret checks, and fetching a repository on disk with its guards. */
class GitSourceTest {
    static final GitSettings LOCAL_SETTINGS = new GitSettings(true, true, Duration.ofSeconds(30), 64L * 1024 * 1024, 200,
            name -> name.equals("ci-token") ? "s3cret" : null);
    static final SourceValidator STRICT = new SourceValidator(GitSettings.STRICT, SourceLimits.DEFAULTS);
    static final SourceValidator LOCAL = new SourceValidator(LOCAL_SETTINGS, SourceLimits.DEFAULTS);

    static Source git(String url, String ref, String secret) {
        return Source.git(url, ref, secret);
    }

    static SourceReader reader(GitSettings settings) {
        return new SourceReader(settings, SourceLimits.DEFAULTS, null);
    }

    static SourceReader.Contents read(SourceReader reader, Source source) {
        return reader.read(source, "p", "source", FileSelection.ALL, ReadPolicy.upTo(SourceLimits.MIB));
    }

    @Test
    void strictSettingsAcceptOnlyHttpsUrlsOfPublicHosts() {
        STRICT.validate(git("https://github.com/acme/repo.git", null, null), "source");
        STRICT.validate(git("https://gitlab.example.com/group/sub/repo", "release/1.2", "ci-token"), "source");
        STRICT.validate(git("https://github.com/acme/repo.git", "v1.0.0", null), "source");
        STRICT.validate(git("https://github.com/acme/repo.git", "0123abc", null), "source");
        STRICT.validate(git("https://github.com/acme/repo.git", "refs/pull/12/head", null), "source");
        for (String url : List.of("http://github.com/a/b", "ssh://git@github.com/a/b", "git://github.com/a/b", "file:///tmp", "/tmp",
                "github.com/a/b", "https:///nohost", "https://user:pw@github.com/a/b", "https://github.com/a/b#frag", "https://127.0.0.1/a",
                "https://10.1.2.3/a", "https://172.20.0.1/a", "https://192.168.1.1/a", "https://169.254.169.254/a", "https://localhost/a",
                "https://svc.internal/a", "https://[::1]/a", "https://[fd00::1]/a", "https://100.64.0.1/a", "ht tps://x", "")) {
            assertThatThrownBy(() -> STRICT.validate(git(url, null, null), "source")).as(url).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("source.url");
        }
        for (String ref : List.of("", " ", "a..b", "main~1", "feature branch", "x".repeat(256), "-x:y", "refs/heads/a^b")) {
            assertThatThrownBy(() -> STRICT.validate(git("https://github.com/a/b", ref, null), "source")).as(ref)
                    .isInstanceOf(ValidationException.class).hasMessageContaining("source.ref");
        }
        for (String secret : List.of("", "../x", "a/b", "x".repeat(65), "-x")) {
            assertThatThrownBy(() -> STRICT.validate(git("https://github.com/a/b", null, secret), "source")).as(secret)
                    .isInstanceOf(ValidationException.class).hasMessageContaining("source.credentialsSecret");
        }
    }

    @Test
    void fieldsAreNamedUnderTheGivenPrefix() {
        assertThatThrownBy(() -> STRICT.validate(git("http://github.com/a/b", null, null), "payload.source"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'payload.source.url'");
        assertThatThrownBy(() -> STRICT.validate(git("https://github.com/a/b", "a..b", null), "payload.source"))
                .hasMessageContaining("'payload.source.ref'");
        assertThatThrownBy(() -> STRICT.validate(git("https://u:p@github.com/a/b", null, null), "payload.source"))
                .hasMessageContaining("payload.source.credentialsSecret instead");
    }

    @Test
    void localSettingsAllowHttpFileUrlsPathsAndPrivateHosts(@TempDir Path dir) {
        LOCAL.validate(git("http://127.0.0.1:8080/repo.git", null, null), "source");
        LOCAL.validate(git("https://10.0.0.5/repo.git", null, null), "source");
        var urls = new GitUrls(LOCAL_SETTINGS);
        assertThat(urls.target(dir.toString(), "source")).isEqualTo(dir.toUri().toString());
        assertThat(urls.target(dir.toUri().toString(), "source")).isEqualTo(dir.toUri().toString());
        assertThatThrownBy(() -> LOCAL.validate(git(dir.resolve("missing").toString(), null, null), "source"))
                .hasMessageContaining("no repository directory");
        assertThatThrownBy(() -> LOCAL.validate(git("ssh://git@host/a", null, null), "source")).hasMessageContaining("scheme 'ssh' is not supported");
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
        var fetched = read(reader(LOCAL_SETTINGS), git(repoDir.toString(), null, null));
        assertThat(fetched.files()).extracting(SourceFile::path).containsExactly("A.java");
        assertThat(fetched.skipped()).containsExactly(new SkippedFile("passwd", SkippedFile.Reason.SYMLINK, "symbolic link; not followed"));

        var tiny = reader(new GitSettings(true, true, Duration.ofSeconds(30), 1, 1, name -> null));
        assertThatThrownBy(() -> read(tiny, git(repoDir.toString(), null, null)))
                .isInstanceOf(LunaException.class).hasMessageContaining("fetching stopped: the repository is larger than 1 bytes");
        var late = reader(new GitSettings(true, true, Duration.ofNanos(1), 1L << 30, 1, name -> null));
        assertThatThrownBy(() -> read(late, git(repoDir.toString(), null, null)))
                .isInstanceOf(LunaException.class).hasMessageContaining("fetching stopped: it took longer than the clone timeout");
    }

    @Test
    void anUnknownCredentialsSecretFailsBeforeAnyNetworkCall() {
        assertThatThrownBy(() -> read(reader(LOCAL_SETTINGS), git("https://github.com/acme/repo.git", null, "nope")))
                .isInstanceOf(LunaException.class).hasMessageContaining("credentials secret 'nope' is not configured");
    }
}
