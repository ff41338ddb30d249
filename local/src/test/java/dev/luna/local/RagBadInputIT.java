package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input to the RAG API gets a specific 4xx, and changes nothing. */
class RagBadInputIT {
    private static final Api api = TestRuntime.admin();
    private static String project;

    @BeforeAll
    static void projectWithCode() {
        project = api.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("rag-bad") + "\"}").data().get("id").asString();
        var r = index(RagFixtures.files());
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
    }

    private static Api.Response index(Map<String, String> files) {
        return api.post("/api/v1/rag/index", RagFixtures.inlineIndex(project, files));
    }

    private static Api.Response query(Map<String, Object> body) {
        var b = new LinkedHashMap<String, Object>(body);
        b.putIfAbsent("projectId", project);
        return api.post("/api/v1/rag/query", Json.write(b));
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
        expect(api.get("/api/v1/rag/index/job_00000000000000000000000000"), 404, "NOT_FOUND");
        expect(api.get("/api/v1/rag/index/job_doesnotexist"), 400, "VALIDATION_FAILED");
        expect(api.get("/api/v1/rag/index/" + "j".repeat(3000)), 400, "VALIDATION_FAILED");
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
}
