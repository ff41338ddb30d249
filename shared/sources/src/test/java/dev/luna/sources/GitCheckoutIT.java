package dev.luna.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.luna.core.LunaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Git checkouts with history, against a repository served over the smart-HTTP protocol on a local socket (and over
 * {@code file://}): the tree written, links, submodules and binaries skipped, tracked files that the tree's
 * .gitignore matches reported, and a bare repository holding the history to the configured depth.
 */
class GitCheckoutIT {
    @TempDir
    static Path dir;
    static Git repo;
    static GitHttpStandIn server;
    static final List<RevCommit> commits = new ArrayList<>();

    static GitSettings settings(int depth) {
        return new GitSettings(true, true, Duration.ofSeconds(60), 64L * 1024 * 1024, depth,
                name -> name.equals("ci") ? "x-token:" + GitHttpStandIn.class.getSimpleName() : null);
    }

    static Checkouts checkouts(int depth) {
        return new Checkouts(settings(depth), SourceLimits.DEFAULTS, null);
    }

    static RevCommit commit(Map<String, String> files, String message) throws Exception {
        for (var f : files.entrySet()) {
            Path p = dir.resolve("repo").resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        repo.add().addFilepattern(".").call();
        var c = repo.commit().setMessage(message).setAuthor("T", "t@example.com").setCommitter("T", "t@example.com").setSign(false).call();
        commits.add(c);
        return c;
    }

    @BeforeAll
    static void repository() throws Exception {
        Path work = dir.resolve("repo");
        repo = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call();
        // a secret committed before the rule that ignores it: still tracked
        commit(Map.of("config/prod.env", "DB_PASSWORD=hunter2-but-masked-elsewhere\n", "src/App.java", "class App {}\n"), "one");
        commit(Map.of(".gitignore", "*.env\nbuild/\n"), "two");
        Files.createSymbolicLink(work.resolve("link-to-passwd"), Path.of("/etc/passwd"));
        Files.createDirectories(work.resolve("assets"));
        Files.write(work.resolve("assets/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        commit(Map.of("src/App.java", "class App { int v = 3; }\n"), "three");
        var index = repo.getRepository().lockDirCache();
        var editor = index.editor();
        editor.add(new DirCacheEditor.PathEdit("lib/vendored") {
            @Override
            public void apply(DirCacheEntry entry) {
                entry.setFileMode(FileMode.GITLINK);
                entry.setObjectId(ObjectId.fromString("0123456789abcdef0123456789abcdef01234567"));
            }
        });
        editor.commit();
        commit(Map.of("README.md", "# App\n"), "four");
        commit(Map.of("src/App.java", "class App { int v = 5; }\n"), "five");
        server = new GitHttpStandIn(repo.getRepository());
    }

    @AfterAll
    static void stop() {
        server.close();
        repo.close();
    }

    @Test
    void theTreeIsWrittenAndTheHistoryKeptToTheConfiguredDepth() throws Exception {
        try (var c = checkouts(3).checkout(Source.git(server.url(), "main", null), "p", "payload.source")) {
            var head = commits.get(4);
            assertThat(c.revision()).isEqualTo(head.name());
            assertThat(c.files()).containsExactly(".gitignore", "README.md", "config/prod.env", "src/App.java");
            assertThat(c.root().resolve("src/App.java")).content().isEqualTo("class App { int v = 5; }\n");
            assertThat(c.skipped()).extracting(SkippedFile::path, SkippedFile::reason).containsExactly(
                    tuple("assets/logo.png", SkippedFile.Reason.BINARY), tuple("lib/vendored", SkippedFile.Reason.SUBMODULE),
                    tuple("link-to-passwd", SkippedFile.Reason.SYMLINK));
            var git = c.git();
            assertThat(git.commit()).isEqualTo(head.name());
            assertThat(git.tracked()).containsExactly(".gitignore", "README.md", "assets/logo.png", "config/prod.env", "lib/vendored",
                    "link-to-passwd", "src/App.java");
            assertThat(git.trackedButIgnored()).containsExactly("config/prod.env");
            assertThat(git.commits()).isEqualTo(3);
            assertThat(git.complete()).isFalse();
            assertThat(server.depths()).contains(3);
            assertThat(git.gitDir()).isEqualTo(c.directory().resolve("repo.git"));
            // the repository is an ordinary bare repository whose log is the last three commits
            try (var fetched = new FileRepositoryBuilder().setGitDir(git.gitDir().toFile()).setMustExist(true).build();
                 var g = Git.wrap(fetched)) {
                var log = new ArrayList<String>();
                g.log().add(fetched.resolve("refs/luna/target")).call().forEach(rc -> log.add(rc.getFullMessage()));
                assertThat(log).containsExactly("five", "four", "three");
                assertThat(fetched.resolve("HEAD").name()).as("HEAD is detached at the checked-out commit").isEqualTo(git.commit());
            }
        }
    }

    @Test
    void aDeepEnoughFetchHoldsTheWholeHistoryAlsoOverFileUrls() throws Exception {
        var deep = checkouts(200);
        for (String url : List.of(server.url(), dir.resolve("repo").toUri().toString())) {
            try (var c = deep.checkout(Source.git(url, null, null), "p", "payload.source")) {
                assertThat(c.git().commits()).as(url).isEqualTo(5);
                assertThat(c.git().complete()).as(url).isTrue();
                assertThat(c.revision()).isEqualTo(commits.get(4).name());
            }
        }
        try (var c = deep.checkout(Source.git(server.url(), commits.get(2).name(), null), "p", "payload.source")) {
            assertThat(c.revision()).isEqualTo(commits.get(2).name());
            assertThat(c.git().commits()).isEqualTo(3);
            assertThat(c.files()).doesNotContain("README.md");
            assertThat(c.root().resolve("src/App.java")).content().isEqualTo("class App { int v = 3; }\n");
        }
    }

    @Test
    void aFailedFetchLeavesNoDirectoryAndSaysWhy() throws Exception {
        long before = ArchiveGuardsTest.checkoutDirs();
        assertThatThrownBy(() -> checkouts(10).checkout(Source.git(server.url(), "no-such-branch", null), "p", "payload.source"))
                .isInstanceOf(LunaException.class).hasMessageContaining("ref 'no-such-branch' was not found").hasMessageContaining("main");
        var tiny = new Checkouts(new GitSettings(true, true, Duration.ofSeconds(60), 1, 10, n -> null), SourceLimits.DEFAULTS, null);
        assertThatThrownBy(() -> tiny.checkout(Source.git(server.url(), null, null), "p", "payload.source"))
                .isInstanceOf(LunaException.class).hasMessageContaining("the repository is larger than 1 bytes");
        assertThat(ArchiveGuardsTest.checkoutDirs()).isEqualTo(before);
    }
}
