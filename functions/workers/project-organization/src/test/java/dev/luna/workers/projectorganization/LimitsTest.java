package dev.luna.workers.projectorganization;

import dev.luna.testkit.GitCli;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Huge trees, huge blobs, long histories and bad input cost bounded time and a reported cut, never an exception. */
class LimitsTest {
    @TempDir
    Path tmp;

    /** 100,000 files committed to a repository (built in memory: writing 100k files to this disk alone takes minutes). */
    @Test
    void aHundredThousandFileRepository() throws Exception {
        Path repoDir = tmp.resolve("huge.git");
        try (var repo = org.eclipse.jgit.storage.file.FileRepositoryBuilder.create(repoDir.toFile())) {
            repo.create(true);
            try (var inserter = repo.newObjectInserter()) {
                var cache = org.eclipse.jgit.dircache.DirCache.newInCore();
                var builder = cache.builder();
                var text = inserter.insert(org.eclipse.jgit.lib.Constants.OBJ_BLOB, "some notes\n".getBytes(StandardCharsets.UTF_8));
                var module = inserter.insert(org.eclipse.jgit.lib.Constants.OBJ_BLOB, "export const v = 1;\n".getBytes(StandardCharsets.UTF_8));
                var manifest = inserter.insert(org.eclipse.jgit.lib.Constants.OBJ_BLOB,
                        "{\"name\":\"huge\",\"main\":\"pkg0/file0.js\"}".getBytes(StandardCharsets.UTF_8));
                var paths = new java.util.TreeMap<String, org.eclipse.jgit.lib.ObjectId>();
                paths.put("package.json", manifest);
                for (int d = 0; d < 1000; d++) {
                    for (int f = 0; f < 100; f++) paths.put("pkg" + d + "/file" + f + (f == 0 ? ".js" : ".txt"), f == 0 ? module : text);
                }
                paths.put("node_modules/dep/index.js", module);
                for (var e : paths.entrySet()) {
                    var entry = new org.eclipse.jgit.dircache.DirCacheEntry(e.getKey());
                    entry.setFileMode(org.eclipse.jgit.lib.FileMode.REGULAR_FILE);
                    entry.setObjectId(e.getValue());
                    builder.add(entry);
                }
                builder.finish();
                var commit = new org.eclipse.jgit.lib.CommitBuilder();
                commit.setTreeId(cache.writeTree(inserter));
                var who = new org.eclipse.jgit.lib.PersonIdent("T", "t@example.invalid", java.time.Instant.ofEpochSecond(1_500_000_000L),
                        java.time.ZoneOffset.UTC);
                commit.setAuthor(who);
                commit.setCommitter(who);
                commit.setMessage("100k files\n");
                var id = inserter.insert(commit);
                inserter.flush();
                var update = repo.updateRef("HEAD");
                update.setNewObjectId(id);
                update.forceUpdate();
            }
        }
        Path checkout = Files.createDirectories(tmp.resolve("checkout"));
        long start = System.nanoTime();
        var input = OrganizationInput.of(checkout, repoDir);
        var report = new OrganizationAnalysis().analyse(input);
        byte[] patch = new CleanupPatch().build(input, report);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("100k-file repository: %d files, %d findings, %d patch bytes, %d ms%n", report.summary().files(),
                report.findings().size(), patch.length, ms);
        assertThat(report.summary().files()).isEqualTo(100_002);
        assertThat(report.findings()).extracting(Finding::id).contains("tracked-dependency-folder:node_modules", "unused-js-module:pkg9/file0.js");
        assertThat(new String(patch, StandardCharsets.UTF_8)).contains("deleted file mode 100644", "node_modules/dep/index.js");
        assertThat(ms).isLessThan(120_000);

        var limits = new OrganizationLimits(50_000, 5_000, 1 << 20, 100_000, 100, 1 << 20, 1 << 20, 100, 1 << 16);
        start = System.nanoTime();
        var cut = new OrganizationAnalysis().analyse(new OrganizationInput(checkout, repoDir, null, limits, null));
        System.out.printf("100k-file repository cut at 50k files: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertThat(cut.complete()).isFalse();
        assertThat(cut.skipped()).extracting(Skipped::reason).anyMatch(r -> r.contains("more than 50000 files"));
        assertThat(cut.skipped()).extracting(Skipped::reason).anyMatch(r -> r.contains("text budget"));
        assertThat(cut.summary().inPatch()).isLessThanOrEqualTo(100);
    }

    @Test
    void aTwentyThousandFileDirectory() throws Exception {
        Path dir = tmp.resolve("wide");
        for (int d = 0; d < 200; d++) {
            Path sub = Files.createDirectories(dir.resolve("pkg" + d));
            for (int f = 0; f < 100; f++) Files.writeString(sub.resolve("file" + f + ".txt"), "notes " + f + "\n");
        }
        long start = System.nanoTime();
        var report = new OrganizationAnalysis().analyse(OrganizationInput.of(dir, null));
        System.out.printf("20k-file directory: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertThat(report.summary().files()).isEqualTo(20_000);
        assertThat(report.complete()).isTrue();
        var cut = new OrganizationAnalysis().analyse(new OrganizationInput(dir, null, null,
                new OrganizationLimits(1_000, 1_000, 1 << 20, 1 << 20, 10, 1 << 20, 1 << 20, 10, 1 << 16), null));
        assertThat(cut.summary().files()).isEqualTo(1_000);
        assertThat(cut.skipped()).contains(new Skipped(".", "more than 1000 files: the rest were not listed"));
    }

    @Test
    void aFiftyMegabyteBlobInHistoryAndOneInTheTree() throws Exception {
        var git = new GitCli(tmp.resolve("home"));
        Path repo = Files.createDirectories(tmp.resolve("blobs"));
        var bytes = new byte[(50 << 20) + 1];
        new Random(1).nextBytes(bytes);
        Files.createDirectories(repo.resolve("assets"));
        Files.write(repo.resolve("assets/video.bin"), bytes);
        Files.writeString(repo.resolve("README.md"), "# blobs\n");
        git.commitAll(repo, "Add a video");
        Files.delete(repo.resolve("assets/video.bin"));
        Files.createDirectories(repo.resolve("node_modules/huge"));
        bytes[0] ^= 1;
        Files.write(repo.resolve("node_modules/huge/blob.bin"), bytes);
        git.commitAll(repo, "Swap the video for a dependency");
        for (int i = 0; i < 8; i++) {
            Files.writeString(repo.resolve("README.md"), "# blobs\n\nrevision " + i + "\n");
            git.commitAll(repo, "Edit " + i);
        }
        long start = System.nanoTime();
        var input = OrganizationInput.of(repo, repo);
        var report = new OrganizationAnalysis().analyse(input);
        byte[] patch = new CleanupPatch().build(input, report);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("50 MB blobs: %d findings, %d patch bytes, %d ms%n", report.findings().size(), patch.length, ms);
        var blob = report.findings().stream().filter(f -> f.id().equals("large-blob-in-history:assets/video.bin")).findFirst().orElseThrow();
        assertThat(blob.severity()).isEqualTo(Severity.HIGH);
        assertThat(report.findings()).extracting(Finding::id).contains("large-blob-in-history:node_modules/huge/blob.bin");
        assertThat(patch.length).isLessThan(20_000);
        assertThat(new String(patch, StandardCharsets.UTF_8)).contains("Binary files a/node_modules/huge/blob.bin and /dev/null differ");
        git.am(git.cloneTo(repo, tmp.resolve("clone")), patch);
        assertThat(ms).isLessThan(60_000);

        var limits = new OrganizationLimits(1000, 1000, 1 << 20, 1 << 24, 5, 1 << 20, 1 << 20, 1000, 1 << 16);
        var cut = new OrganizationAnalysis().analyse(new OrganizationInput(repo, repo, null, limits, null));
        assertThat(cut.complete()).isFalse();
        assertThat(cut.skipped()).extracting(Skipped::reason).anyMatch(r -> r.contains("history walk stopped after 5 commits"));
        assertThat(cut.findings()).extracting(Finding::id).doesNotContain("large-blob-in-history:assets/video.bin");
    }

    @Test
    void badInputIsAReportedSkip() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(dir.resolve("package.json"), "{ \"name\": \"bad\", \"dependencies\": { \"x\": ");
        Files.write(dir.resolve("latin1.py"), "# caf\u00e9\nimport requests\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("binary.js"), new byte[] {0, 1, 2, 0, 'i', 'm', 'p', 'o', 'r', 't'});
        Files.writeString(dir.resolve("deep.json"), "[".repeat(100_000) + "]".repeat(100_000));
        Files.writeString(dir.resolve("Deep.java"), "class Deep { int x = " + "(".repeat(5_000) + "1" + ")".repeat(5_000) + "; }\n");
        Files.writeString(dir.resolve("pom.xml"), "<project><dependencies><dependency>");
        Files.createDirectories(dir.resolve("a/b"));
        Files.createSymbolicLink(dir.resolve("a/b/loop"), dir.resolve("a"));
        var report = new OrganizationAnalysis().analyse(OrganizationInput.of(dir, null));
        assertThat(report.findings()).extracting(Finding::kind).contains("manifest-unparseable");
        assertThat(report.skipped()).extracting(Skipped::path).contains("latin1.py");
        byte[] patch = new CleanupPatch().build(OrganizationInput.of(dir, null), report);
        assertThat(new String(patch, StandardCharsets.UTF_8)).doesNotContain("a/b/loop");
        var missing = new OrganizationAnalysis().analyse(OrganizationInput.of(tmp.resolve("does-not-exist"), null));
        assertThat(missing.complete()).isFalse();
        assertThat(missing.skipped()).extracting(Skipped::reason).anyMatch(r -> r.contains("could not be listed"));
    }
}
