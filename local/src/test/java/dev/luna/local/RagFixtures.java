package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import java.util.List;
import java.util.Map;

/** RAG state for tests: a small codebase (Java, Python, Markdown), index jobs and contexts created through the API. */
final class RagFixtures {
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

    private RagFixtures() {
    }

    /** The small codebase by path. */
    static Map<String, String> files() {
        var files = new java.util.LinkedHashMap<String, String>();
        files.put("src/main/java/com/example/http/RequestParser.java", PARSER);
        files.put("src/main/java/com/example/cache/LruCache.java", CACHE);
        files.put("tools/retry.py", PY);
        files.put("docs/ops.md", DOC);
        return files;
    }

    static String inlineIndex(String projectId, Map<String, String> files) {
        var list = files.entrySet().stream().map(e -> Map.of("path", e.getKey(), "content", e.getValue())).toList();
        return Json.write(Map.of("projectId", projectId, "source", Map.of("type", "inline", "files", list)));
    }

    /** Indexes one small file in the project and returns the job id (the job has run: local runs jobs inline). */
    static String job(Api api, String projectId) {
        String name = "Fixture" + TestRuntime.unique("f").replaceAll("[^A-Za-z0-9]", "");
        var r = api.post("/api/v1/rag/index", inlineIndex(projectId, Map.of("fixtures/" + name + ".java",
                "class " + name + " {\n    int answer() {\n        return 42;\n    }\n}\n")));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.data().get("id").asString();
    }

    /** Indexes one small file in the project and returns the id of one of its contexts. */
    static String context(Api api, String projectId) {
        String name = "Ctx" + TestRuntime.unique("c").replaceAll("[^A-Za-z0-9]", "");
        String path = "fixtures/" + name + ".java";
        var r = api.post("/api/v1/rag/index", inlineIndex(projectId, Map.of(path,
                "class " + name + " {\n    int answer() {\n        return 42;\n    }\n}\n")));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        var q = api.post("/api/v1/rag/query", Json.write(Map.of("projectId", projectId, "query", name, "mode", "keyword",
                "filters", Map.of("path", path))));
        assertThat(q.status()).as(q.toString()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        q.data().get("contexts").forEach(c -> ids.add(c.get("id").asString()));
        assertThat(ids).isNotEmpty();
        return ids.get(0);
    }
}
