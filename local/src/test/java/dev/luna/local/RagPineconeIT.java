package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import dev.luna.emulators.pinecone.PineconeServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The RAG HTTP flow with {@code LUNA_RAG_STORE=pinecone}: a second runtime on the shared stand-ins whose RAG functions
 * keep their index in Pinecone — the stand-in the runtime starts when no host is configured, reached over gRPC and
 * REST on loopback sockets, with the index created through the control plane on first use.
 */
class RagPineconeIT {
    private static LocalRuntime runtime;
    private static Api api;
    private static PineconeServer pinecone;
    private static String project;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.builder().port(0).sharedStore(TestRuntime.shared().emulators()).adminKey(TestRuntime.ADMIN_KEY)
                .queuePollers(false).dataDirectory(null)
                .setting("LUNA_RAG_STORE", "pinecone").setting("LUNA_RAG_RUN_INLINE", "true")
                .setting("LUNA_RATE_LIMIT_PER_KEY", "100000000").setting("LUNA_RATE_LIMIT_PER_USER", "100000000")
                .start();
        pinecone = runtime.pinecone().orElseThrow();
        api = new Api(runtime.baseUri(), TestRuntime.ADMIN_KEY);
        project = api.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("pinecone") + "\"}").data().get("id").asString();
        var files = new LinkedHashMap<String, String>();
        files.put("src/main/java/com/example/http/RequestParser.java", RagFixtures.PARSER);
        files.put("src/main/java/com/example/cache/LruCache.java", RagFixtures.CACHE);
        files.put("tools/retry.py", RagFixtures.PY);
        files.put("docs/ops.md", RagFixtures.DOC);
        var accepted = api.post("/api/v1/rag/index", RagFixtures.inlineIndex(project, files));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        var job = api.get(accepted.json().get("links").get("status").asString()).data();
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("result").get("filesIndexed").asInt()).isEqualTo(4);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static Api.Response query(Map<String, Object> body) {
        var b = new LinkedHashMap<String, Object>(body);
        b.putIfAbsent("projectId", project);
        var r = api.post("/api/v1/rag/query", Json.write(b));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    private static List<String> symbols(Api.Response r) {
        var out = new ArrayList<String>();
        r.data().get("contexts").forEach(c -> out.add(c.get("symbol").asString(null)));
        return out;
    }

    @Test
    void theIndexLivesInPinecone() {
        // the project's namespace holds the chunks, their file records and the state record
        assertThat(pinecone.vectorCount("luna-rag", project)).isGreaterThan(8);
        var shared = new Api(TestRuntime.shared().baseUri(), TestRuntime.ADMIN_KEY)
                .post("/api/v1/rag/query", Json.write(Map.of("projectId", project, "query", "evict_eldest", "mode", "keyword")));
        assertThat(shared.data().get("contexts").size()).as("the Lucene runtime never saw this project").isZero();
    }

    @Test
    void hybridVectorAndKeywordQueries() {
        var hybrid = query(Map.of("query", "parse request header fields", "topK", 3));
        assertThat(hybrid.data().get("mode").asString()).isEqualTo("hybrid");
        var first = hybrid.data().get("contexts").get(0);
        assertThat(first.get("symbol").asString()).isEqualTo("RequestParser.parseRequest");
        assertThat(first.get("path").asString()).isEqualTo("src/main/java/com/example/http/RequestParser.java");
        assertThat(first.get("startLine").asInt()).isEqualTo(11);
        assertThat(first.get("endLine").asInt()).isEqualTo(15);
        assertThat(first.get("content").asString()).contains("public Request parseRequest(byte[] raw)");
        assertThat(first.get("relevanceScore").asDouble()).isBetween(0.0, 1.0);

        assertThat(symbols(query(Map.of("query", "evict_eldest", "mode", "keyword", "topK", 1)))).containsExactly("LruCache.evictEldest");
        assertThat(symbols(query(Map.of("query", "wait longer between attempts after failures", "mode", "vector", "topK", 1))))
                .containsExactly("retry_with_backoff");
        assertThat(query(Map.of("query", "zebra", "mode", "keyword")).data().get("contexts").size()).isZero();
    }

    @Test
    void filtersByPathLanguageAndSymbol() {
        var byLanguage = query(Map.of("query", "bundle upload request cache", "filters", Map.of("language", "markdown")));
        assertThat(byLanguage.data().get("contexts").size()).isPositive();
        byLanguage.data().get("contexts").forEach(c -> assertThat(c.get("path").asString()).isEqualTo("docs/ops.md"));
        var byPath = query(Map.of("query", "cache request", "filters", Map.of("path", "src/**/cache/*.java")));
        assertThat(byPath.data().get("contexts").size()).isPositive();
        byPath.data().get("contexts").forEach(c -> assertThat(c.get("path").asString()).isEqualTo("src/main/java/com/example/cache/LruCache.java"));
        var bySymbol = query(Map.of("query", "request", "filters", Map.of("symbol", "RequestParser")));
        assertThat(symbols(bySymbol)).isNotEmpty().allMatch(s -> s.startsWith("RequestParser"));
    }

    @Test
    void contextsCanBeReadReplacedAndDeletedAndReindexingIsIncremental() {
        String p = api.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("pc-ctx") + "\"}").data().get("id").asString();
        String id = RagFixtures.context(api, p);
        var got = api.get("/api/v1/rag/context/" + id + "?projectId=" + p);
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        assertThat(got.data().get("contentHash").asString()).hasSize(64);

        var put = api.put("/api/v1/rag/context/" + id + "?projectId=" + p, "{\"content\":\"int computeQuarterlyRevenue() { return 7; }\"}");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        var found = query(Map.of("projectId", p, "query", "quarterly revenue", "mode", "keyword", "topK", 1));
        assertThat(found.data().get("contexts").get(0).get("id").asString()).isEqualTo(id);
        var byVector = query(Map.of("projectId", p, "query", "quarterly revenue", "mode", "vector", "topK", 1));
        assertThat(byVector.data().get("contexts").get(0).get("id").asString()).isEqualTo(id);

        assertThat(api.delete("/api/v1/rag/context/" + id + "?projectId=" + p).status()).isEqualTo(200);
        var gone = api.get("/api/v1/rag/context/" + id + "?projectId=" + p);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(api.delete("/api/v1/rag/context/" + id + "?projectId=" + p).status()).isEqualTo(404);
        query(Map.of("projectId", p, "query", "quarterly revenue", "mode", "keyword")).data().get("contexts")
                .forEach(c -> assertThat(c.get("id").asString()).isNotEqualTo(id));

        var again = api.post("/api/v1/rag/index", RagFixtures.inlineIndex(project, Map.of("tools/retry.py", RagFixtures.PY)));
        var job = api.get(again.json().get("links").get("status").asString()).data();
        assertThat(job.get("result").get("filesUnchanged").asInt()).isEqualTo(1);
        assertThat(job.get("result").get("chunksIndexed").asInt()).isZero();
    }
}
