package dev.luna.local;

import static dev.luna.local.RagFixtures.CACHE;
import static dev.luna.local.RagFixtures.PARSER;
import static dev.luna.local.RagFixtures.PY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The RAG API end to end over HTTP: indexing jobs, incremental updates, retrieval, contexts, token optimisation (archives and S3: {@link RagArchivesIT}; bad input: {@link RagBadInputIT}). */
class RagIT {
    private static final Api api = TestRuntime.admin();
    private static String project;

    @BeforeAll
    static void projectWithCode() {
        project = api.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("rag") + "\"}").data().get("id").asString();
        var r = index(files());
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
    }

    private static Map<String, String> files() {
        return RagFixtures.files();
    }

    private static Api.Response index(Map<String, String> files) {
        return api.post("/api/v1/rag/index", RagFixtures.inlineIndex(project, files));
    }

    private static Api.Response query(Map<String, Object> body) {
        var b = new LinkedHashMap<String, Object>(body);
        b.putIfAbsent("projectId", project);
        return api.post("/api/v1/rag/query", Json.write(b));
    }

    private static List<String> symbols(Api.Response r) {
        var out = new ArrayList<String>();
        r.data().get("contexts").forEach(c -> out.add(c.get("symbol").asString(null)));
        return out;
    }

    private static JsonNode job(Api.Response accepted) {
        String status = accepted.json().get("links").get("status").asString();
        assertThat(accepted.header("Location")).isEqualTo(status);
        var r = api.get(status);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data();
    }

    @Test
    void indexingIsAnAsynchronousJobWithAStatusLink() {
        var accepted = index(Map.of("src/Extra.java", "class Extra {\n  void run() {}\n}\n"));
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.data().get("id").asString()).startsWith("job_");
        assertThat(accepted.json().get("links").get("status").asString()).isEqualTo("/api/v1/rag/index/" + accepted.data().get("id").asString());
        var job = job(accepted);
        assertThat(job.get("status").asString()).isEqualTo("succeeded");
        assertThat(job.get("projectId").asString()).isEqualTo(project);
        assertThat(job.get("result").get("filesIndexed").asInt()).isEqualTo(1);
        assertThat(job.get("result").get("chunksIndexed").asInt()).isPositive();
        assertThat(job.get("progress").get("filesProcessed").asInt()).isEqualTo(1);
    }

    @Test
    void hybridQueryFindsCodeByMeaningAndByIdentifier() {
        var r = query(Map.of("query", "how are the header fields of an incoming request read", "topK", 3));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        // the two methods of the request parser answer it (one reads the header fields, the other is documented as
        // reading them): both come first, the documented one with its exact lines
        var contexts = r.data().get("contexts");
        assertThat(java.util.List.of(contexts.get(0).get("symbol").asString(), contexts.get(1).get("symbol").asString()))
                .containsExactlyInAnyOrder("RequestParser.parseRequest", "RequestParser.readHeaderFields");
        var first = contexts.get(0);
        var documented = contexts.get(0).get("symbol").asString().equals("RequestParser.parseRequest") ? contexts.get(0) : contexts.get(1);
        assertThat(documented.get("path").asString()).isEqualTo("src/main/java/com/example/http/RequestParser.java");
        assertThat(documented.get("startLine").asInt()).isEqualTo(11);
        assertThat(documented.get("endLine").asInt()).isEqualTo(15);
        assertThat(documented.get("content").asString()).contains("public Request parseRequest(byte[] raw)");
        assertThat(first.get("relevanceScore").asDouble()).isBetween(0.0, 1.0);
        assertThat(first.get("tokenCount").asInt()).isPositive();
        assertThat(r.data().get("mode").asString()).isEqualTo("hybrid");
        assertThat(r.data().get("tokenizer").asString()).isEqualTo("cl100k_base");

        assertThat(symbols(query(Map.of("query", "evict_eldest", "mode", "keyword", "topK", 1)))).containsExactly("LruCache.evictEldest");
        assertThat(symbols(query(Map.of("query", "wait longer between attempts after failures", "mode", "vector", "topK", 1))))
                .containsExactly("retry_with_backoff");
    }

    @Test
    void filtersByPathLanguageAndSymbol() {
        var byLanguage = query(Map.of("query", "bundle upload request cache", "filters", Map.of("language", "markdown")));
        byLanguage.data().get("contexts").forEach(c -> assertThat(c.get("path").asString()).isEqualTo("docs/ops.md"));
        assertThat(byLanguage.data().get("contexts").size()).isPositive();
        var byPath = query(Map.of("query", "cache request", "filters", Map.of("path", "src/**/cache/*.java")));
        byPath.data().get("contexts").forEach(c -> assertThat(c.get("path").asString()).isEqualTo("src/main/java/com/example/cache/LruCache.java"));
        var bySymbol = query(Map.of("query", "request", "filters", Map.of("symbol", "RequestParser")));
        assertThat(symbols(bySymbol)).allMatch(s -> s.startsWith("RequestParser"));
    }

    @Test
    void contextsArePackedIntoTheTokenBudget() {
        var all = query(Map.of("query", "request parser header fields", "filters", Map.of("path", "**/RequestParser.java"), "topK", 10));
        int full = all.data().get("totalTokens").asInt();
        var budgeted = query(Map.of("query", "request parser header fields", "filters", Map.of("path", "**/RequestParser.java"), "topK", 10,
                "tokenBudget", full - 1));
        assertThat(budgeted.status()).isEqualTo(200);
        assertThat(budgeted.data().get("totalTokens").asInt()).isLessThan(full).isPositive();
        int sum = 0;
        for (var c : budgeted.data().get("contexts")) sum += c.get("tokenCount").asInt();
        assertThat(sum).isEqualTo(budgeted.data().get("totalTokens").asInt());
        assertThat(budgeted.data().get("omittedForBudget").asInt()).isPositive();
        // adjacent chunks of one file are merged into one context
        var merged = all.data().get("merged").asInt();
        assertThat(merged + all.data().get("contexts").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void reindexingIsIncrementalByContentHash() {
        String p = api.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("inc") + "\"}").data().get("id").asString();
        var first = job(api.post("/api/v1/rag/index", RagFixtures.inlineIndex(p, files())));
        assertThat(first.get("result").get("filesIndexed").asInt()).isEqualTo(4);
        var again = job(api.post("/api/v1/rag/index", RagFixtures.inlineIndex(p, files())));
        assertThat(again.get("result").get("filesUnchanged").asInt()).isEqualTo(4);
        assertThat(again.get("result").get("chunksIndexed").asInt()).isZero();

        var changed = job(api.post("/api/v1/rag/index", RagFixtures.inlineIndex(p, Map.of("src/main/java/com/example/cache/LruCache.java",
                CACHE.replace("evictEldest", "dropOldestEntry")))));
        assertThat(changed.get("result").get("filesIndexed").asInt()).isEqualTo(1);
        var q = api.post("/api/v1/rag/query", Json.write(Map.of("projectId", p, "query", "dropOldestEntry", "mode", "keyword", "topK", 1)));
        assertThat(symbols(q)).containsExactly("LruCache.dropOldestEntry");

        var deleted = job(api.post("/api/v1/rag/index", Json.write(Map.of("projectId", p, "source", Map.of("type", "inline",
                "files", List.of(Map.of("path", "tools/retry.py", "content", PY))), "deletedPaths", List.of("docs/ops.md")))));
        assertThat(deleted.get("result").get("filesDeleted").asInt()).isEqualTo(1);
        var none = api.post("/api/v1/rag/query", Json.write(Map.of("projectId", p, "query", "deploying bundle alias", "filters", Map.of("path", "docs/**"))));
        assertThat(none.data().get("contexts").size()).isZero();

        // a delete-only update: inline without files, only deletedPaths (an editor's removed file)
        var deleteOnly = job(api.post("/api/v1/rag/index", Json.write(Map.of("projectId", p, "source", Map.of("type", "inline", "files", List.of()),
                "deletedPaths", List.of("tools/retry.py")))));
        assertThat(deleteOnly.get("status").asString()).isEqualTo("succeeded");
        assertThat(deleteOnly.get("result").get("filesDeleted").asInt()).isEqualTo(1);
        assertThat(deleteOnly.get("result").get("filesIndexed").asInt()).isZero();
        var gone = api.post("/api/v1/rag/query", Json.write(Map.of("projectId", p, "query", "retry", "filters", Map.of("path", "tools/**"))));
        assertThat(gone.data().get("contexts").size()).isZero();
        var nothing = api.post("/api/v1/rag/index", Json.write(Map.of("projectId", p, "source", Map.of("type", "inline", "files", List.of()))));
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.toString()).contains("source.files");
    }

    @Test
    void contextsCanBeReadReplacedAndDeleted() {
        String p = api.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("ctx") + "\"}").data().get("id").asString();
        String id = RagFixtures.context(api, p);
        var got = api.get("/api/v1/rag/context/" + id + "?projectId=" + p);
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        assertThat(got.data().get("contentHash").asString()).hasSize(64);

        var put = api.put("/api/v1/rag/context/" + id + "?projectId=" + p, "{\"content\":\"int computeQuarterlyRevenue() { return 7; }\"}");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.data().get("tokenCount").asInt()).isPositive();
        var found = api.post("/api/v1/rag/query", Json.write(Map.of("projectId", p, "query", "quarterly revenue", "mode", "keyword", "topK", 1)));
        assertThat(found.data().get("contexts").get(0).get("id").asString()).isEqualTo(id);
        var byVector = api.post("/api/v1/rag/query", Json.write(Map.of("projectId", p, "query", "quarterly revenue", "mode", "vector", "topK", 1)));
        assertThat(byVector.data().get("contexts").get(0).get("id").asString()).isEqualTo(id);

        assertThat(api.get("/api/v1/rag/context/" + id + "?projectId=" + other()).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/rag/context/" + id + "?projectId=" + p).status()).isEqualTo(200);
        var gone = api.get("/api/v1/rag/context/" + id + "?projectId=" + p);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(api.delete("/api/v1/rag/context/" + id + "?projectId=" + p).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/rag/context/not-an-id?projectId=" + p).status()).isEqualTo(400);
        var stillIndexed = api.post("/api/v1/rag/query", Json.write(Map.of("projectId", p, "query", "quarterly revenue", "mode", "keyword")));
        stillIndexed.data().get("contexts").forEach(c -> assertThat(c.get("id").asString()).isNotEqualTo(id));
    }

    private static String other() {
        return api.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("other") + "\"}").data().get("id").asString();
    }

    @Test
    void tokenOptimisationReportsRealCountsAndStrategies() {
        var r = api.post("/api/v1/tokens/optimize", Json.write(Map.of("projectId", project, "prompt", "Explain the parser.",
                "contexts", List.of(Map.of("path", "RequestParser.java", "content", PARSER, "relevanceScore", 0.9),
                        Map.of("path", "Copy.java", "content", PARSER, "relevanceScore", 0.8),
                        Map.of("path", "LruCache.java", "content", CACHE, "relevanceScore", 0.1)), "targetTokens", 150)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        var d = r.data();
        assertThat(d.get("tokensAfter").asInt()).isLessThan(d.get("tokensBefore").asInt());
        assertThat(d.get("savedTokens").asInt()).isEqualTo(d.get("tokensBefore").asInt() - d.get("tokensAfter").asInt());
        var strategies = new ArrayList<String>();
        d.get("strategies").forEach(s -> strategies.add(s.get("strategy").asString()));
        assertThat(strategies).startsWith("dedupe");
        assertThat(d.get("contexts").size()).isEqualTo(2);
        assertThat(d.get("contexts").get(0).get("content").asString()).contains("parseRequest");
    }

}
