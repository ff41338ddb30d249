package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import java.util.List;
import java.util.Map;

/** RAG state for tests: index jobs and contexts created through the API. */
final class RagFixtures {
    private RagFixtures() {
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
