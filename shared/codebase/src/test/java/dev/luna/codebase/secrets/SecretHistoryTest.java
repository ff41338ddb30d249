package dev.luna.codebase.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretHistoryTest {
    private static final String REMOVED = "ghp_" + "Rk2Lm4Np6Ts9Vw1Xy3Ab5Cd7Ef0GhIjKZq8a";
    private static final String KEPT = "sk_live_" + "Mn3Bv5Cx7Za9Sd2Fg4Hj6Kl8";

    @TempDir
    Path repo;

    @Test
    void aRemovedSecretIsAHistoryFindingAndOneStillInHeadIsLeftToTheFileScan() throws Exception {
        RevCommit added;
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            commit(git, "app.properties", "name=demo\n", "init", 1);
            added = commit(git, "app.properties", "name=demo\ngithub=" + REMOVED + "\nstripe=" + KEPT + "\n", "add keys", 2);
            commit(git, "app.properties", "name=demo\nstripe=" + KEPT + "\n", "remove the GitHub token", 3);
        }
        var scanner = new SecretScanner();

        SecretScan history = scanner.scanHistory(repo, HistoryLimits.DEFAULT, () -> false);
        SecretScan files = scanner.scanFiles(repo, List.of("app.properties"), () -> false);

        assertThat(history.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("secret-github-token");
            assertThat(f.file()).isEqualTo("app.properties");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.commit()).isEqualTo(added.getName());
            assertThat(f.match()).isEqualTo("ghp_****");
            assertThat(f.snippet()).isEqualTo("github=ghp_****");
        });
        assertThat(history.commitsScanned()).isEqualTo(3);
        assertThat(history.complete()).isTrue();
        assertThat(files.findings()).extracting(SecretFinding::ruleId).containsExactly("secret-stripe-key");
    }

    @Test
    void theCommitLimitStopsTheWalkAndSaysSo() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            commit(git, "a.sh", "T=" + REMOVED + "\n", "old secret", 1);
            commit(git, "a.sh", "T=none\n", "removed", 2);
            commit(git, "b.txt", "nothing\n", "later", 3);
        }

        SecretScan scan = new SecretScanner().scanHistory(repo.resolve(".git"), new HistoryLimits(2, 1 << 20, 1 << 20), () -> false);

        assertThat(scan.findings()).isEmpty();
        assertThat(scan.commitsScanned()).isEqualTo(2);
        assertThat(scan.complete()).isFalse();
    }

    @Test
    void notARepositoryIsReportedNotThrown() {
        SecretScan scan = new SecretScanner().scanHistory(repo.resolve("nothing-here"), HistoryLimits.DEFAULT, () -> false);

        assertThat(scan.findings()).isEmpty();
        assertThat(scan.complete()).isFalse();
        assertThat(scan.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).startsWith("not a readable git repository"));
    }

    private RevCommit commit(Git git, String file, String content, String message, int second) throws Exception {
        Files.writeString(repo.resolve(file), content, StandardCharsets.UTF_8);
        git.add().addFilepattern(file).call();
        var who = new PersonIdent("Dev", "dev@example.org", java.time.Instant.ofEpochSecond(1_700_000_000L + second * 60L),
                java.time.ZoneOffset.UTC);
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }
}
