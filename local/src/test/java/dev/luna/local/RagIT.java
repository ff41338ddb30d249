package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import dev.luna.store.AwsClients;
import dev.luna.store.LunaConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import tools.jackson.databind.JsonNode;

/** The RAG API end to end over HTTP: indexing jobs, incremental updates, retrieval, contexts, token optimisation, bad input. */
class RagIT {
    private static final Api api = TestRuntime.admin();
    private static String project;

    static final String PARSER = """
            package com.example.http;

            /** Parses raw HTTP/1.1 requests. */
            public final class RequestParser {
                private final int maxHeaderBytes;

                RequestParser(int maxHeaderBytes) {
                    this.maxHeaderBytes = maxHeaderBytes;
                }

                /** Reads the request line and the header fields of an incoming request. */
                public Request parseRequest(byte[] raw) {
                    var headers = readHeaderFields(raw);
                    return new Request(headers);
                }

                private java.util.Map<String, String> readHeaderFields(byte[] raw) {
                    return java.util.Map.of();
                }
            }
            """;
    static final String CACHE = """
            package com.example.cache;

            /** A least-recently-used cache of fixed capacity. */
            public final class LruCache<K, V> {
                /** Drops the entry that was used longest ago once the cache is full. */
                void evictEldest() {
                }
            }
            """;
    static final String PY = """
            def retry_with_backoff(fn, attempts=3):
                \"\"\"Calls fn again after exponentially growing pauses when it raises.\"\"\"
                for i in range(attempts):
                    try:
                        return fn()
                    except Exception:
                        time.sleep(2 ** i)
            """;
    static final String DOC = "# Operations\n\n## Deploying\nUpload the bundle to the artifacts bucket and switch the alias.\n";

    @BeforeAll
    static void projectWithCode() {
        project = api.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("rag") + "\"}").data().get("id").asString();
        var r = index(files());
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
    }

    private static Map<String, String> files() {
        var files = new LinkedHashMap<String, String>();
        files.put("src/main/java/com/example/http/RequestParser.java", PARSER);
        files.put("src/main/java/com/example/cache/LruCache.java", CACHE);
        files.put("tools/retry.py", PY);
        files.put("docs/ops.md", DOC);
        return files;
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
        var first = r.data().get("contexts").get(0);
        assertThat(first.get("symbol").asString()).isEqualTo("RequestParser.parseRequest");
        assertThat(first.get("path").asString()).isEqualTo("src/main/java/com/example/http/RequestParser.java");
        assertThat(first.get("startLine").asInt()).isEqualTo(11);
        assertThat(first.get("endLine").asInt()).isEqualTo(15);
        assertThat(first.get("content").asString()).contains("public Request parseRequest(byte[] raw)");
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
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] tarGz(Map<String, byte[]> entries) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            for (var e : entries.entrySet()) {
                var entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    private static Api.Response archive(String projectId, String format, byte[] bytes) {
        return api.post("/api/v1/rag/index", Json.write(Map.of("projectId", projectId, "source",
                Map.of("type", "archive", "format", format, "contentBase64", Base64.getEncoder().encodeToString(bytes)))));
    }

    @Test
    void archivesIndexWithPerFileSkipsAndDeleteWhatIsGone() throws IOException {
        String p = api.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("zip") + "\"}").data().get("id").asString();
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("repo/src/LruCache.java", CACHE.getBytes(StandardCharsets.UTF_8));
        entries.put("repo/tools/retry.py", PY.getBytes(StandardCharsets.UTF_8));
        entries.put("repo/logo.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        entries.put("repo/latin1.txt", "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        var job = job(archive(p, "zip", zip(entries)));
        assertThat(job.get("status").asString()).isEqualTo("succeeded");
        assertThat(job.get("result").get("filesIndexed").asInt()).isEqualTo(2);
        var errors = new LinkedHashMap<String, String>();
        job.get("errors").forEach(e -> errors.put(e.get("path").asString(), e.get("reason").asString()));
        assertThat(errors).containsOnlyKeys("repo/logo.png", "repo/latin1.txt");
        assertThat(errors.get("repo/logo.png")).contains("binary");
        assertThat(errors.get("repo/latin1.txt")).contains("UTF-8");

        // the next snapshot (tar.gz) no longer has retry.py: it leaves the index
        var next = job(archive(p, "tar.gz", tarGz(Map.of("repo/src/LruCache.java", CACHE.getBytes(StandardCharsets.UTF_8)))));
        assertThat(next.get("result").get("filesUnchanged").asInt()).isEqualTo(1);
        assertThat(next.get("result").get("filesDeleted").asInt()).isEqualTo(1);
        var q = api.post("/api/v1/rag/query", Json.write(Map.of("projectId", p, "query", "retry backoff", "mode", "keyword")));
        q.data().get("contexts").forEach(c -> assertThat(c.get("path").asString()).isNotEqualTo("repo/tools/retry.py"));
    }

    @Test
    void archivesWithTraversalOrThatExpandTooFarAreRefusedAndChangeNothing() throws IOException {
        String p = api.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("evil") + "\"}").data().get("id").asString();
        var traversal = archive(p, "zip", zip(Map.of("ok/A.java", "class A {}".getBytes(), "../../etc/cron.d/evil", "x".getBytes())));
        assertThat(traversal.status()).as(traversal.toString()).isEqualTo(400);
        assertThat(traversal.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(traversal.body()).contains("..");

        byte[] zeros = new byte[16 * 1024 * 1024];
        var bomb = new LinkedHashMap<String, byte[]>();
        for (int i = 0; i < 5; i++) bomb.put("bomb/part" + i + ".txt", zeros); // 80 MiB expanded, ~80 KiB compressed
        byte[] compressed = zip(bomb);
        assertThat(compressed.length).isLessThan(HttpLimit.BODY);
        var refused = archive(p, "zip", compressed);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");

        var garbage = archive(p, "tar.gz", "not an archive".getBytes());
        assertThat(garbage.status()).isEqualTo(400);

        var q = api.post("/api/v1/rag/query", Json.write(Map.of("projectId", p, "query", "class A", "mode", "keyword")));
        assertThat(q.data().get("contexts").size()).isZero();
    }

    @Test
    void anS3PrefixOfTheProjectIsASource() {
        String p = api.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("s3") + "\"}").data().get("id").asString();
        var e = TestRuntime.shared().emulators();
        var config = LunaConfig.from(Map.of("AWS_REGION", "us-east-1", LunaConfig.DYNAMODB_ENDPOINT, e.dynamoEndpoint().toString(),
                LunaConfig.S3_ENDPOINT, e.s3Endpoint().toString(), LunaConfig.SQS_ENDPOINT, e.sqsEndpoint().toString(),
                LunaConfig.RESOURCE_PREFIX, "luna")::get);
        try (var aws = new AwsClients(config)) {
            String bucket = config.bucketName("artifacts");
            aws.s3().putObject(b -> b.bucket(bucket).key("projects/" + p + "/repo/src/LruCache.java"), RequestBody.fromString(CACHE));
            aws.s3().putObject(b -> b.bucket(bucket).key("projects/" + p + "/repo/docs/ops.md"), RequestBody.fromString(DOC));
            aws.s3().putObject(b -> b.bucket(bucket).key("projects/" + p + "/elsewhere/Skip.java"), RequestBody.fromString("class Skip {}"));
        }
        var job = job(api.post("/api/v1/rag/index", Json.write(Map.of("projectId", p, "source", Map.of("type", "s3", "prefix", "repo/"),
                "include", List.of("**.java")))));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("result").get("filesIndexed").asInt()).isEqualTo(1);
        var q = api.post("/api/v1/rag/query", Json.write(Map.of("projectId", p, "query", "evictEldest", "mode", "keyword", "topK", 1)));
        assertThat(q.data().get("contexts").get(0).get("path").asString()).isEqualTo("src/LruCache.java");
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
        assertThat(api.get("/api/v1/rag/context/not-an-id?projectId=" + p).status()).isEqualTo(404);
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

    @Test
    void badInputGetsASpecific4xx() {
        String unknown = "prj_" + "0".repeat(26);
        expect(query(Map.of("projectId", unknown, "query", "x")), 404, "NOT_FOUND");
        expect(api.post("/api/v1/rag/index", RagFixtures.inlineIndex(unknown, Map.of("A.java", "class A {}"))), 404, "NOT_FOUND");
        expect(query(Map.of("query", "")), 400, "VALIDATION_FAILED");
        expect(query(Map.of("query", "   ")), 400, "VALIDATION_FAILED");
        expect(query(Map.of("query", "x".repeat(2001))), 400, "VALIDATION_FAILED");
        expect(query(Map.of("query", "cache", "topK", 0)), 400, "VALIDATION_FAILED");
        expect(query(Map.of("query", "cache", "topK", 51)), 400, "VALIDATION_FAILED");
        expect(query(Map.of("query", "cache", "mode", "psychic")), 400, "VALIDATION_FAILED");
        expect(query(Map.of("query", "cache", "tokenBudget", 0)), 400, "VALIDATION_FAILED");
        var below = query(Map.of("query", "least recently used cache", "tokenBudget", 1));
        expect(below, 400, "VALIDATION_FAILED");
        assertThat(below.json().get("error").get("details").get("minimumTokenBudget").asInt()).isGreaterThan(1);
        expect(query(Map.of("query", "cache", "filters", Map.of("language", "Not A Language!"))), 400, "VALIDATION_FAILED");
        expect(query(Map.of("query", "cache", "unexpected", true)), 400, "VALIDATION_FAILED");
        expect(query(Map.of("query", "cache", "filters", Map.of("path", "a".repeat(301)))), 400, "VALIDATION_FAILED");
        var complexGlob = query(Map.of("query", "cache", "filters", Map.of("path", "**/" + "*?".repeat(148))));
        assertThat(complexGlob.status()).as(complexGlob.toString()).isEqualTo(200);
        // query syntax of search engines is just text here
        var special = query(Map.of("query", "a && b || c:d* \"unbalanced ( [ {", "mode", "keyword"));
        assertThat(special.status()).as(special.toString()).isEqualTo(200);

        expect(api.post("/api/v1/rag/index", Json.write(Map.of("projectId", project))), 400, "VALIDATION_FAILED");
        expect(api.post("/api/v1/rag/index", Json.write(Map.of("projectId", project, "source", Map.of("type", "git", "url", "ssh://git@example.com/r.git")))),
                400, "VALIDATION_FAILED");
        expect(api.post("/api/v1/rag/index", Json.write(Map.of("projectId", project, "source", Map.of("type", "ftp")))), 400, "VALIDATION_FAILED");
        expect(api.post("/api/v1/rag/index", Json.write(Map.of("projectId", project, "source", Map.of("type", "inline", "files", List.of())))),
                400, "VALIDATION_FAILED");
        expect(index(Map.of("../../etc/passwd", "root:x:0:0")), 400, "VALIDATION_FAILED");
        expect(index(Map.of("/etc/passwd", "root:x:0:0")), 400, "VALIDATION_FAILED");
        expect(api.post("/api/v1/rag/index", Json.write(Map.of("projectId", project, "source", Map.of("type", "inline",
                "files", List.of(Map.of("path", "a.bin", "contentBase64", "***")))))), 400, "VALIDATION_FAILED");
        expect(api.post("/api/v1/rag/index", Json.write(Map.of("projectId", project, "source", Map.of("type", "inline",
                "files", List.of(Map.of("path", "a.txt", "content", "x"))), "include", List.of("[unclosed")))), 400, "VALIDATION_FAILED");
        expect(api.post("/api/v1/rag/index", "{not json"), 400, "MALFORMED_JSON");
        expect(api.get("/api/v1/rag/index/job_doesnotexist"), 404, "NOT_FOUND");
        expect(api.post("/api/v1/tokens/optimize", Json.write(Map.of("projectId", project))), 400, "VALIDATION_FAILED");
        expect(api.post("/api/v1/tokens/optimize", Json.write(Map.of("projectId", project, "prompt", "x", "targetTokens", 0))), 400, "VALIDATION_FAILED");
        expect(api.put("/api/v1/rag/context/ctx_000000000000000000000abc?projectId=" + project, "{\"content\":\"\"}"), 400, "VALIDATION_FAILED");

        // none of it changed the index
        var q = query(Map.of("query", "passwd root", "mode", "keyword"));
        q.data().get("contexts").forEach(c -> assertThat(c.get("path").asString()).doesNotContain("passwd"));
    }

    private static void expect(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.errorCode()).as(r.toString()).isEqualTo(code);
    }

    /** The request body limit of the API (the archive must fit in it, base64-encoded). */
    private static final class HttpLimit {
        static final int BODY = 1024 * 1024 * 3 / 4;
    }
}
