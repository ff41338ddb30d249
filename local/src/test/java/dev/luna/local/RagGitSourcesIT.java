package dev.luna.local;

import static dev.luna.local.RagSourcesRuntime.job;
import static dev.luna.local.RagSourcesRuntime.paths;
import static dev.luna.local.RagSourcesRuntime.project;
import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import dev.luna.sources.GitHttpStandIn;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Git repositories as RAG sources, end to end over HTTP: served over the smart-HTTP protocol by a real socket (and
 * file:// URLs and local paths), with incremental re-indexing, refs, tokens and failures, on a runtime that allows
 * local sources ({@link RagSourcesRuntime}); the shared test runtime (strict, as in AWS) checks the refusals.
 */
class RagGitSourcesIT {
    static final String TOKEN = RagSourcesRuntime.TOKEN;
    static Api api;
    static RagSourcesRuntime sources;
    static Path repoDir;
    static Git repo;
    static GitHttpStandIn git;

    @BeforeAll
    static void start() throws Exception {
        sources = RagSourcesRuntime.get();
        api = sources.api;
        repoDir = Files.createTempDirectory("luna-rag-sources-repo");
        repo = Git.init().setDirectory(repoDir.toFile()).setInitialBranch("main").call();
        git = new GitHttpStandIn(repo.getRepository());
    }

    @AfterAll
    static void stop() throws IOException {
        git.close();
        repo.close();
        FileUtils.delete(repoDir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
    }

    static synchronized RevCommit commit(Map<String, String> write, List<String> delete, String message) throws Exception {
        for (var e : write.entrySet()) {
            Path p = repoDir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
        for (String d : delete) {
            Files.delete(repoDir.resolve(d));
            repo.rm().addFilepattern(d).call();
        }
        repo.add().addFilepattern(".").call();
        return repo.commit().setMessage(message).setAuthor("Test", "test@example.com").setCommitter("Test", "test@example.com")
                .setSign(false).call();
    }

    static Api.Response index(String project, Map<String, Object> source) {
        return sources.index(project, source);
    }

    static final String BILLING = """
            package com.acme.billing;

            /** Computes invoice totals with tax. */
            public final class BillingCalculator {
                /** The gross amount of a net amount at the given VAT rate. */
                public long grossAmount(long net, int vatPercent) {
                    return net + net * vatPercent / 100;
                }
            }
            """;

    // ---- git

    @Test
    void aGitRepositoryOverSmartHttpIsIndexedAndReindexedIncrementallyByRef() throws Exception {
        String project = project(api);
        // the repository is shared by the git tests; each test starts from its own commits
        RevCommit c1 = commit(Map.of("src/main/java/com/acme/billing/BillingCalculator.java", BILLING,
                "README.md", "# Acme billing\n\nComputes invoices.\n", "tools/cleanup_ledger.py", "def cleanup_ledger():\n    return 0\n"),
                List.of(), "first");
        repo.tag().setName("v1-" + c1.name().substring(0, 7)).setObjectId(c1).setAnnotated(true).setMessage("v1").setSigned(false).call();
        var first = job(api, index(project, Map.of("type", "git", "url", git.url(), "ref", "main")));
        assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("succeeded");
        assertThat(first.get("sourceType").asString()).isEqualTo("git");
        assertThat(first.get("result").get("revision").asString()).isEqualTo(c1.name());
        int filesAtC1 = first.get("result").get("filesIndexed").asInt() + first.get("result").get("filesUnchanged").asInt();
        assertThat(git.shallowRequests()).as("fetched with depth 1").isPositive();
        assertThat(paths(api, project, "BillingCalculator grossAmount")).contains("src/main/java/com/acme/billing/BillingCalculator.java");
        assertThat(paths(api, project, "cleanup_ledger")).contains("tools/cleanup_ledger.py");

        // a new commit: one file changed, one deleted, one added — only those are touched
        RevCommit c2 = commit(Map.of("README.md", "# Acme billing\n\nComputes invoices and credit notes.\n",
                "src/main/java/com/acme/billing/CreditNote.java", "package com.acme.billing;\n\n/** A refund. */\npublic record CreditNote(long amount) {\n}\n"),
                List.of("tools/cleanup_ledger.py"), "second");
        var second = job(api, index(project, Map.of("type", "git", "url", git.url(), "ref", "main")));
        assertThat(second.get("status").asString()).as(second.toString()).isEqualTo("succeeded");
        var r2 = second.get("result");
        assertThat(r2.get("revision").asString()).isEqualTo(c2.name());
        assertThat(r2.get("filesIndexed").asInt()).isEqualTo(2);
        assertThat(r2.get("filesUnchanged").asInt()).isEqualTo(filesAtC1 - 2);
        assertThat(r2.get("filesDeleted").asInt()).isEqualTo(1);
        assertThat(paths(api, project, "cleanup_ledger")).doesNotContain("tools/cleanup_ledger.py");
        assertThat(paths(api, project, "CreditNote refund")).contains("src/main/java/com/acme/billing/CreditNote.java");

        // an annotated tag of the first commit brings it back; a full commit id of the second returns to it
        var tagged = job(api, index(project, Map.of("type", "git", "url", git.url(), "ref", "v1-" + c1.name().substring(0, 7))));
        assertThat(tagged.get("status").asString()).as(tagged.toString()).isEqualTo("succeeded");
        assertThat(tagged.get("result").get("revision").asString()).isEqualTo(c1.name());
        assertThat(paths(api, project, "cleanup_ledger")).contains("tools/cleanup_ledger.py");
        var byId = job(api, index(project, Map.of("type", "git", "url", git.url(), "ref", c2.name())));
        assertThat(byId.get("status").asString()).as(byId.toString()).isEqualTo("succeeded");
        assertThat(byId.get("result").get("revision").asString()).isEqualTo(c2.name());
        assertThat(paths(api, project, "cleanup_ledger")).doesNotContain("tools/cleanup_ledger.py");

        // include/exclude apply as for other sources; the default branch is used without a ref
        var javaOnly = job(api, api.post("/api/v1/rag/index", Json.write(Map.of("projectId", project(api),
                "source", Map.of("type", "git", "url", git.url()), "include", List.of("**.java")))));
        assertThat(javaOnly.get("status").asString()).as(javaOnly.toString()).isEqualTo("succeeded");
        assertThat(javaOnly.get("result").get("revision").asString()).isEqualTo(repo.getRepository().resolve("main").name());
        assertThat(javaOnly.get("result").get("filesIndexed").asInt()).isEqualTo(2);
    }

    @Test
    void gitFailuresFailTheJobWithAClearReasonAndLeaveTheIndexAlone() throws Exception {
        String project = project(api);
        commit(Map.of("docs/failures.md", "# Failures\n\nNothing fails here.\n"), List.of(), "failures");
        var ok = job(api, index(project, Map.of("type", "git", "url", git.url())));
        assertThat(ok.get("status").asString()).as(ok.toString()).isEqualTo("succeeded");
        long chunks = ok.get("result").get("chunksInIndex").asLong();

        var unknownRef = job(api, index(project, Map.of("type", "git", "url", git.url(), "ref", "no-such-branch")));
        assertThat(unknownRef.get("status").asString()).isEqualTo("failed");
        assertThat(unknownRef.get("failure").asString()).contains("ref 'no-such-branch' was not found").contains("main");

        var unknownCommit = job(api, index(project, Map.of("type", "git", "url", git.url(), "ref", "0123456789abcdef0123456789abcdef01234567")));
        assertThat(unknownCommit.get("status").asString()).isEqualTo("failed");
        assertThat(unknownCommit.get("failure").asString()).contains("0123456789abcdef0123456789abcdef01234567");

        int closedPort;
        try (var s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        var unreachable = job(api, index(project, Map.of("type", "git", "url", "http://127.0.0.1:" + closedPort + "/repo.git")));
        assertThat(unreachable.get("status").asString()).isEqualTo("failed");
        assertThat(unreachable.get("failure").asString()).contains("could not be reached");

        var noRepo = job(api, index(project, Map.of("type", "git", "url", git.url().replace("/repo.git", "/other.git"))));
        assertThat(noRepo.get("status").asString()).isEqualTo("failed");
        assertThat(noRepo.get("failure").asString()).contains("no repository at this URL");

        // none of it changed the index
        var again = job(api, index(project, Map.of("type", "git", "url", git.url())));
        assertThat(again.get("status").asString()).isEqualTo("succeeded");
        assertThat(again.get("result").get("filesIndexed").asInt()).isZero();
        assertThat(again.get("result").get("chunksInIndex").asLong()).isEqualTo(chunks);
    }

    @Test
    void aPrivateRepositoryIsFetchedWithTheTokenOfANamedSecretWhichIsNeverStored() throws Exception {
        Path dir = Files.createTempDirectory("luna-rag-private-repo");
        try (Git priv = Git.init().setDirectory(dir.toFile()).setInitialBranch("trunk").call();
             var server = new GitHttpStandIn(priv.getRepository())) {
            Files.writeString(dir.resolve("Secret.java"), "/** Holds the launch codes. */\nclass LaunchCodes {\n}\n");
            priv.add().addFilepattern(".").call();
            priv.commit().setMessage("init").setAuthor("T", "t@example.com").setCommitter("T", "t@example.com").setSign(false).call();
            server.token(TOKEN);
            String project = project(api);

            var refused = job(api, index(project, Map.of("type", "git", "url", server.url())));
            assertThat(refused.get("status").asString()).isEqualTo("failed");
            assertThat(refused.get("failure").asString()).contains("refused access").contains("credentialsSecret");
            assertThat(server.unauthorized()).isPositive();

            var unknown = job(api, index(project, Map.of("type", "git", "url", server.url(), "credentialsSecret", "not-configured")));
            assertThat(unknown.get("status").asString()).isEqualTo("failed");
            assertThat(unknown.get("failure").asString()).contains("credentials secret 'not-configured' is not configured");

            var accepted = index(project, Map.of("type", "git", "url", server.url(), "credentialsSecret", "standin-token"));
            var ok = job(api, accepted);
            assertThat(ok.get("status").asString()).as(ok.toString()).isEqualTo("succeeded");
            assertThat(ok.get("result").get("filesIndexed").asInt()).isEqualTo(1);
            assertThat(paths(api, project, "LaunchCodes")).containsExactly("Secret.java");
            assertThat(accepted.body()).doesNotContain(TOKEN);
            assertThat(api.get(accepted.json().get("links").get("status").asString()).body()).doesNotContain(TOKEN);
        } finally {
            FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
        }
    }

    @Test
    void aFileUrlAndALocalPathAreIndexedWhereLocalSourcesAreAllowed() throws Exception {
        RevCommit c = commit(Map.of("docs/local.md", "# Local checkouts\n\nIndexed straight from disk.\n"), List.of(), "local");
        String project = project(api);
        var byUrl = job(api, index(project, Map.of("type", "git", "url", repoDir.toUri().toString(), "ref", "main")));
        assertThat(byUrl.get("status").asString()).as(byUrl.toString()).isEqualTo("succeeded");
        assertThat(byUrl.get("result").get("revision").asString()).isEqualTo(c.name());
        assertThat(paths(api, project, "Local checkouts disk")).contains("docs/local.md");
        var byPath = job(api, index(project, Map.of("type", "git", "url", repoDir.toAbsolutePath().toString())));
        assertThat(byPath.get("status").asString()).as(byPath.toString()).isEqualTo("succeeded");
        assertThat(byPath.get("result").get("filesIndexed").asInt()).isZero();

        var missing = index(project, Map.of("type", "git", "url", repoDir.resolve("nope").toUri().toString()));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
    }

    @Test
    void aStrictDeploymentRefusesUnsafeGitSourcesAtSubmission() {
        var strict = TestRuntime.admin(); // no LUNA_RAG_GIT_ALLOW_* settings, as in AWS
        String project = project(strict);
        List<Map<String, Object>> bad = List.of(
                Map.of("type", "git"),
                Map.of("type", "git", "url", "not a url"),
                Map.of("type", "git", "url", "github.com/acme/repo.git"),
                Map.of("type", "git", "url", "http://github.com/acme/repo.git"),
                Map.of("type", "git", "url", "ssh://git@github.com/acme/repo.git"),
                Map.of("type", "git", "url", "git://github.com/acme/repo.git"),
                Map.of("type", "git", "url", "file:///etc"),
                Map.of("type", "git", "url", "/etc"),
                Map.of("type", "git", "url", "https://127.0.0.1/acme/repo.git"),
                Map.of("type", "git", "url", "https://10.0.0.8/acme/repo.git"),
                Map.of("type", "git", "url", "https://169.254.169.254/latest/meta-data"),
                Map.of("type", "git", "url", "https://localhost/acme/repo.git"),
                Map.of("type", "git", "url", "https://[::1]/acme/repo.git"),
                Map.of("type", "git", "url", "https://user:hunter2@github.com/acme/repo.git"),
                Map.of("type", "git", "url", "https://github.com/acme/repo.git?x=1"),
                Map.of("type", "git", "url", "https://github.com/" + "a".repeat(2100)),
                Map.of("type", "git", "url", "https://github.com/acme/repo.git", "ref", "bad..ref"),
                Map.of("type", "git", "url", "https://github.com/acme/repo.git", "ref", ""),
                Map.of("type", "git", "url", "https://github.com/acme/repo.git", "credentialsSecret", "../llm/openai"));
        for (var source : bad) {
            var r = strict.post("/api/v1/rag/index", Json.write(Map.of("projectId", project, "source", source)));
            assertThat(r.status()).as(source + " → " + r).isEqualTo(400);
            assertThat(r.errorCode()).as(r.toString()).isEqualTo("VALIDATION_FAILED");
            assertThat(r.body()).doesNotContain("hunter2");
        }
        var q = strict.post("/api/v1/rag/query", Json.write(Map.of("projectId", project, "query", "repo", "mode", "keyword")));
        assertThat(q.data().get("contexts").size()).isZero();
    }
}
