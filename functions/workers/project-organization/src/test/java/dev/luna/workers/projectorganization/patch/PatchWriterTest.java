package dev.luna.workers.projectorganization.patch;

import dev.luna.testkit.GitCli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.codebase.secrets.SecretScanner;
import dev.luna.workers.projectorganization.PatchPlan;
import dev.luna.workers.projectorganization.tree.DirectorySnapshot;
import dev.luna.workers.projectorganization.tree.GitSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer against the real git: its patches apply with git am, and they are byte for byte what git format-patch writes. */
class PatchWriterTest {
    private static final PatchWriter.Settings SETTINGS = new PatchWriter.Settings("Luna", "luna@luna.invalid", 1_500_000_000L, "luna");
    private static final String AWS_KEY = "AKIA" + "Z7QW3RTY5UIO2PLK";

    @TempDir
    Path tmp;

    private Path project() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(dir.resolve(".gitignore"), "# build\nbuild/\nlast-line-without-newline");
        Files.writeString(dir.resolve("nofinal.txt"), "x\ny");
        Files.writeString(dir.resolve("empty"), "");
        Files.createDirectories(dir.resolve("node_modules/.bin"));
        Files.writeString(dir.resolve("node_modules/index.js"), "module.exports = 1;\n");
        Files.createSymbolicLink(dir.resolve("node_modules/.bin/pad"), Path.of("../index.js"));
        Files.writeString(dir.resolve("é-notes.md"), "# Notes\n\nsome text\n");
        Files.writeString(dir.resolve("script.sh"), "#!/bin/sh\necho hi\n");
        assertThat(dir.resolve("script.sh").toFile().setExecutable(true)).isTrue();
        var lines = new StringBuilder();
        for (int i = 0; i < 40; i++) lines.append("Line ").append(i).append('\n');
        Files.writeString(dir.resolve("long.txt"), lines.toString());
        return dir;
    }

    private static PatchPlan.Commit commit(String subject, String body, PatchPlan.Change... changes) {
        return new PatchPlan.Commit(subject, body, List.of(changes), List.of());
    }

    private static PatchPlan textPlan() {
        return new PatchPlan(List.of(
                commit("Ignore build outputs", "It resolves:\n\n- gitignore-weak:.gitignore\n",
                        new PatchPlan.Change(".gitignore", "# build\nbuild/\nlast-line-without-newline\n\n# Node.js\nnode_modules/\n")),
                commit("Add editor configuration", "", new PatchPlan.Change(".editorconfig", "root = true\n")),
                commit("Remove files", "- tracked-dependency-folder:node_modules\n- é-notes.md\n",
                        new PatchPlan.Change("empty", null), new PatchPlan.Change("long.txt", null),
                        new PatchPlan.Change("node_modules/.bin/pad", null), new PatchPlan.Change("node_modules/index.js", null),
                        new PatchPlan.Change("nofinal.txt", null), new PatchPlan.Change("script.sh", null),
                        new PatchPlan.Change("é-notes.md", null))));
    }

    @Test
    void writesWhatGitFormatPatchWrites() throws Exception {
        var git = new GitCli(tmp.resolve("home"));
        Path dir = project();
        git.commitAll(dir, "Initial");
        byte[] patch;
        try (var snapshot = new GitSnapshot(dir, 1000)) {
            patch = new PatchWriter(new SecretScanner(), 1 << 20, SETTINGS).write(snapshot, textPlan());
        }
        Path clone = git.cloneTo(dir, tmp.resolve("clone"));
        git.am(clone, patch);
        assertThat(git.files(clone)).containsExactly(".editorconfig", ".gitignore");

        String ours = normalise(new String(patch, StandardCharsets.UTF_8));
        String theirs = normalise(new String(git.run(clone, "format-patch", "--stdout", "HEAD~3").ok().out().getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8));
        assertThat(ours).isEqualTo(theirs);
        assertThat(ours).contains("Subject: [PATCH 1/3] Ignore build outputs", "deleted file mode 100755", "deleted file mode 120000",
                "\\ No newline at end of file", "MIME-Version: 1.0", "\"a/\\303\\251-notes.md\"", " delete mode 100644 empty");
    }

    @Test
    void sameDirectoryAndRepositoryGiveTheSamePatch() throws Exception {
        var git = new GitCli(tmp.resolve("home"));
        Path dir = project();
        git.commitAll(dir, "Initial");
        var writer = new PatchWriter(new SecretScanner(), 1 << 20, SETTINGS);
        byte[] fromGit;
        try (var snapshot = new GitSnapshot(dir, 1000)) {
            fromGit = writer.write(snapshot, textPlan());
        }
        byte[] fromDir;
        try (var snapshot = new DirectorySnapshot(dir, 1000)) {
            fromDir = writer.write(snapshot, textPlan());
        }
        assertThat(fromDir).isEqualTo(fromGit);
    }

    @Test
    void hidesBinarySecretCarriageReturnAndLargeRemovalsYetApplies() throws Exception {
        var git = new GitCli(tmp.resolve("home"));
        Path dir = Files.createDirectories(tmp.resolve("hidden"));
        Files.write(dir.resolve("logo.bin"), new byte[] {1, 0, 2, 3, 0, 4});
        Files.writeString(dir.resolve(".env"), "AWS_ACCESS_KEY_ID=" + AWS_KEY + "\n");
        Files.writeString(dir.resolve("crlf.txt"), "one\r\ntwo\r\n");
        Files.writeString(dir.resolve("big.txt"), "x".repeat(5000) + "\n");
        Files.writeString(dir.resolve("keep.txt"), "keep\n");
        git.commitAll(dir, "Initial");
        var plan = new PatchPlan(List.of(commit("Remove files", "", new PatchPlan.Change(".env", null), new PatchPlan.Change("big.txt", null),
                new PatchPlan.Change("crlf.txt", null), new PatchPlan.Change("logo.bin", null))));
        byte[] patch;
        try (var snapshot = new GitSnapshot(dir, 1000)) {
            patch = new PatchWriter(new SecretScanner(), 1000, SETTINGS).write(snapshot, plan);
        }
        String text = new String(patch, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(AWS_KEY).doesNotContain("AKIA").doesNotContain("\r").doesNotContain("xxxx")
                .contains("Binary files a/.env and /dev/null differ", " logo.bin | Bin 6 -> 0 bytes", "Subject: [PATCH] Remove files");
        Path clone = git.cloneTo(dir, tmp.resolve("clone"));
        git.am(clone, patch);
        assertThat(git.files(clone)).containsExactly("keep.txt");
    }

    @Test
    void editsACrlfFileInItsOwnLineEndings() throws Exception {
        var git = new GitCli(tmp.resolve("home"));
        Path dir = Files.createDirectories(tmp.resolve("crlf"));
        Files.writeString(dir.resolve(".gitignore"), "a\r\nb\r\n");
        git.commitAll(dir, "Initial");
        var plan = new PatchPlan(List.of(commit("Ignore", "", new PatchPlan.Change(".gitignore", "a\r\nb\r\n\r\nnode_modules/\r\n"))));
        byte[] patch;
        try (var snapshot = new GitSnapshot(dir, 1000)) {
            patch = new PatchWriter(new SecretScanner(), 1000, SETTINGS).write(snapshot, plan);
        }
        Path clone = git.cloneTo(dir, tmp.resolve("clone"));
        git.am(clone, patch, true);
        assertThat(Files.readString(clone.resolve(".gitignore"))).isEqualTo("a\r\nb\r\n\r\nnode_modules/\r\n");
    }

    @Test
    void anEmptyPlanIsAnEmptyPatch() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("none"));
        try (var snapshot = new DirectorySnapshot(dir, 10)) {
            assertThat(new PatchWriter(new SecretScanner(), 1000, SETTINGS).write(snapshot, PatchPlan.EMPTY)).isEmpty();
        }
    }

    /** The commit ids (different parents) and the signature (git's version) are the only lines allowed to differ. */
    private static String normalise(String patch) {
        return patch.replaceAll("(?m)^From [0-9a-f]{40} ", "From <id> ").replaceAll("(?m)^-- \n[^\n]*\n", "-- \n<signature>\n");
    }
}
