package dev.luna.local;

import static dev.luna.local.RagSourcesRuntime.job;
import static dev.luna.local.RagSourcesRuntime.paths;
import static dev.luna.local.RagSourcesRuntime.project;
import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import dev.luna.sources.GitHttpStandIn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A git index that keeps itself fresh, over HTTP against a repository served by a real smart-HTTP socket: signed
 * GitHub and GitLab push webhooks re-index only what changed, refusals leave the index alone, and the scheduled check
 * finds a moved ref without any webhook. Deliveries are unauthenticated, as the providers send them.
 */
class RagGitRefreshIT {
    static final String SECRET = "hook-secret-0123456789abcdef";
    static Api api;
    static Api anonymous;
    static RagSourcesRuntime sources;
    static Path repoDir;
    static Git repo;
    static GitHttpStandIn git;

    @BeforeAll
    static void start() throws Exception {
        sources = RagSourcesRuntime.get();
        api = sources.api;
        anonymous = new Api(sources.runtime.baseUri(), null);
        repoDir = Files.createTempDirectory("luna-rag-refresh-repo");
        repo = Git.init().setDirectory(repoDir.toFile()).setInitialBranch("main").call();
        git = new GitHttpStandIn(repo.getRepository());
    }

    @AfterAll
    static void stop() throws Exception {
        git.close();
        repo.close();
        FileUtils.delete(repoDir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
    }

    static synchronized RevCommit commit(Map<String, String> write, String message) throws Exception {
        for (var e : write.entrySet()) {
            Path p = repoDir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
        repo.add().addFilepattern(".").call();
        return repo.commit().setMessage(message).setAuthor("Test", "test@example.com").setCommitter("Test", "test@example.com").setSign(false).call();
    }

    static String githubPush(String ref, String after) {
        return Json.write(Map.of("ref", ref, "before", "0".repeat(40), "after", after, "deleted", false,
                "repository", Map.of("full_name", "acme/billing", "clone_url", git.url(), "html_url", "https://github.example/acme/billing",
                        "default_branch", "main"),
                "commits", List.of(Map.of("id", after, "modified", List.of("README.md")))));
    }

    static Api.Response deliver(String event, String body, String signature) {
        var a = anonymous.header("X-GitHub-Event", event).header("X-GitHub-Delivery", java.util.UUID.randomUUID().toString());
        if (signature != null) a = a.header("X-Hub-Signature-256", signature);
        return a.post("/api/v1/rag/hooks/git", body);
    }

    static String sign(String secret, String body) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    static JsonNode freshness(String indexId) {
        var r = api.get("/api/v1/rag/index/" + indexId);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().get("freshness");
    }

    @Test
    void signedPushesReindexOnlyWhatChangedAndEverythingElseIsRefused() throws Exception {
        String project = project(api);
        RevCommit c1 = commit(Map.of("src/Ledger.java", "/** The ledger. */\npublic class Ledger {\n    long balance() { return 0; }\n}\n",
                "README.md", "# Ledger\n\nKeeps accounts.\n", "src/Audit.java", "/** Audit trail. */\npublic class Audit {\n}\n"), "first");
        var accepted = api.post("/api/v1/rag/index", Json.write(Map.of("projectId", project,
                "source", Map.of("type", "git", "url", git.url(), "ref", "main"), "refresh", Map.of("secret", SECRET))));
        var created = accepted.data().get("refresh");
        assertThat(created.get("watchId").asString()).isEqualTo(accepted.data().get("id").asString());
        assertThat(created.get("webhookUrl").asString()).isEqualTo("/api/v1/rag/hooks/git");
        assertThat(created.has("secret")).as("a secret the caller chose is not echoed").isFalse();
        String index = created.get("watchId").asString();
        var first = job(api, accepted);
        assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("succeeded");
        var f1 = freshness(index);
        assertThat(f1.get("indexedRevision").asString()).isEqualTo(c1.name());
        assertThat(f1.get("stale").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/rag/index/" + index).body()).doesNotContain(SECRET);

        RevCommit c2 = commit(Map.of("README.md", "# Ledger\n\nKeeps accounts and reconciles them nightly.\n"), "second");
        String push = githubPush("refs/heads/main", c2.name());
        // refusals: no signature, a wrong one, a payload that is not JSON, a repository nobody watches
        assertThat(deliver("push", push, null).status()).isEqualTo(401);
        var forged = deliver("push", push, sign("not-the-secret-at-all-000", push));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(deliver("push", "{not json", sign(SECRET, "{not json")).status()).isEqualTo(400);
        var stranger = push.replace(git.url(), "https://github.example/nobody/else.git").replace("https://github.example/acme/billing", "https://github.example/x/y");
        var unknown = deliver("push", stranger, sign(SECRET, stranger));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(anonymous.post("/api/v1/rag/hooks/git", push).status()).as("no provider event header").isEqualTo(400);
        assertThat(freshness(index).get("indexedRevision").asString()).as("refusals change nothing").isEqualTo(c1.name());
        assertThat(freshness(index).get("latestRevision").asString()).isEqualTo(c1.name());

        // GitHub's ping proves the secret and starts nothing
        String ping = Json.write(Map.of("zen", "Keep it logically awesome.", "hook_id", 1, "repository", Map.of("clone_url", git.url())));
        var pong = deliver("ping", ping, sign(SECRET, ping));
        assertThat(pong.status()).as(pong.toString()).isEqualTo(200);
        assertThat(pong.data().get("queued").size()).isZero();

        // the signed push re-indexes: one file changed, the others left alone
        var delivered = deliver("push", push, sign(SECRET, push));
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(202);
        var queued = delivered.data().get("queued").get(0);
        assertThat(queued.get("watchId").asString()).isEqualTo(index);
        var second = Await.until(() -> api.get("/api/v1/rag/index/" + queued.get("jobId").asString()),
                r -> r.status() == 200 && List.of("succeeded", "failed").contains(r.data().get("status").asString()), "the re-index").data();
        assertThat(second.get("status").asString()).as(second.toString()).isEqualTo("succeeded");
        assertThat(second.get("createdBy").asString()).isEqualTo("webhook:github");
        assertThat(second.get("result").get("revision").asString()).isEqualTo(c2.name());
        assertThat(second.get("result").get("filesIndexed").asInt()).isEqualTo(1);
        assertThat(second.get("result").get("filesUnchanged").asInt()).isEqualTo(2);
        assertThat(paths(api, project, "reconciles nightly")).contains("README.md");
        var f2 = freshness(index);
        assertThat(f2.get("indexedRevision").asString()).isEqualTo(c2.name());
        assertThat(f2.get("lastJobId").asString()).isEqualTo(queued.get("jobId").asString());
        assertThat(f2.get("stale").asBoolean()).isFalse();

        // the same push again, and a push to another branch, need nothing
        var again = deliver("push", push, sign(SECRET, push));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.data().get("skipped").get(0).get("reason").asString()).contains("already indexed");
        String other = githubPush("refs/heads/feature/x", c2.name());
        var elsewhere = deliver("push", other, sign(SECRET, other));
        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(elsewhere.data().get("skipped").get(0).get("reason").asString()).contains("refs/heads/feature/x");

        // GitLab's push hook carries the secret as a token
        RevCommit c3 = commit(Map.of("src/Audit.java", "/** Audit trail of every posting. */\npublic class Audit {\n}\n"), "third");
        String gitlab = Json.write(Map.of("object_kind", "push", "ref", "refs/heads/main", "after", c3.name(),
                "project", Map.of("git_http_url", git.url(), "default_branch", "main")));
        assertThat(anonymous.header("X-Gitlab-Event", "Push Hook").header("X-Gitlab-Token", "wrong-token-0000000000")
                .post("/api/v1/rag/hooks/git", gitlab).status()).isEqualTo(401);
        var lab = anonymous.header("X-Gitlab-Event", "Push Hook").header("X-Gitlab-Token", SECRET).post("/api/v1/rag/hooks/git", gitlab);
        assertThat(lab.status()).as(lab.toString()).isEqualTo(202);
        String labJob = lab.data().get("queued").get(0).get("jobId").asString();
        var third = Await.until(() -> api.get("/api/v1/rag/index/" + labJob),
                r -> r.status() == 200 && List.of("succeeded", "failed").contains(r.data().get("status").asString()), "the GitLab re-index").data();
        assertThat(third.get("result").get("filesIndexed").asInt()).as(third.toString()).isEqualTo(1);
        assertThat(freshness(index).get("indexedRevision").asString()).isEqualTo(c3.name());
    }

    @Test
    void theScheduledCheckFindsAMovedRefWithoutAWebhook() throws Exception {
        String project = project(api);
        commit(Map.of("docs/schedule.md", "# Schedule\n\nRuns nightly.\n"), "schedule one");
        var accepted = api.post("/api/v1/rag/index", Json.write(Map.of("projectId", project,
                "source", Map.of("type", "git", "url", git.url()), "refresh", Map.of("webhook", false, "intervalMinutes", 5))));
        assertThat(accepted.data().get("refresh").has("webhookUrl")).isFalse();
        String index = accepted.data().get("id").asString();
        assertThat(job(api, accepted).get("status").asString()).isEqualTo("succeeded");
        RevCommit moved = commit(Map.of("docs/schedule.md", "# Schedule\n\nRuns nightly and hourly on weekdays.\n"), "schedule two");

        String event = """
                {"version": "0", "id": "evt-refresh-%s", "detail-type": "Scheduled Event", "source": "aws.scheduler", "account": "123456789012",
                 "time": "%s", "region": "us-east-1", "resources": ["arn:aws:scheduler:us-east-1:123456789012:schedule/default/luna-rag-refresh"], "detail": {}}"""
                .formatted(project, Instant.now());
        var report = Json.mapper().readTree(sources.runtime.invoker().invoke("ragRefresh", event.getBytes(StandardCharsets.UTF_8))).get("summary");
        assertThat(report.get("checked").asInt()).as(report.toString()).isGreaterThanOrEqualTo(1);
        assertThat(report.get("queued").asInt()).as(report.toString()).isGreaterThanOrEqualTo(1);
        var f = Await.until(() -> freshness(index), n -> moved.name().equals(n.path("indexedRevision").asString(null)),
                "the scheduled re-index to reach the moved ref");
        assertThat(f.get("stale").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/rag/index/" + f.get("lastJobId").asString()).data().get("createdBy").asString()).isEqualTo("schedule:rag-refresh");
        // checked just now: the next run within the interval leaves it alone
        var next = Json.mapper().readTree(sources.runtime.invoker().invoke("ragRefresh", event.getBytes(StandardCharsets.UTF_8))).get("summary");
        assertThat(next.get("queued").asInt()).isZero();
    }

    @Test
    void refreshIsRefusedWhereItCannotWork() {
        String project = project(api);
        var inline = api.post("/api/v1/rag/index", Json.write(Map.of("projectId", project, "source", Map.of("type", "inline",
                "files", List.of(Map.of("path", "a.md", "content", "# a"))), "refresh", Map.of("intervalMinutes", 60))));
        assertThat(inline.status()).isEqualTo(400);
        assertThat(inline.body()).contains("refresh");
        var shortSecret = api.post("/api/v1/rag/index", Json.write(Map.of("projectId", project, "source", Map.of("type", "git", "url", git.url()),
                "refresh", Map.of("secret", "short"))));
        assertThat(shortSecret.status()).isEqualTo(400);
        assertThat(shortSecret.body()).contains("refresh.secret");
        var tooOften = api.post("/api/v1/rag/index", Json.write(Map.of("projectId", project, "source", Map.of("type", "git", "url", git.url()),
                "refresh", Map.of("intervalMinutes", 1))));
        assertThat(tooOften.status()).isEqualTo(400);
        assertThat(tooOften.body()).contains("refresh.intervalMinutes");
        var generated = api.post("/api/v1/rag/index", Json.write(Map.of("projectId", project, "source", Map.of("type", "git", "url", git.url()),
                "refresh", Map.of("webhook", true))));
        assertThat(generated.status()).as(generated.toString()).isEqualTo(202);
        assertThat(generated.data().get("refresh").get("secret").asString()).as("generated and shown once").hasSize(48);
        job(api, generated);
        assertThat(api.get("/api/v1/rag/index/" + generated.data().get("id").asString()).body())
                .doesNotContain(generated.data().get("refresh").get("secret").asString());
    }
}
