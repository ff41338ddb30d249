package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Hashes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Runs product task types through the public API as a client does: submit, follow the task to its end, list and
 * download its artifacts (checked against their listed size, SHA-256 and content type).
 */
final class TaskTypeRuns {
    static final Set<String> TERMINAL = Set.of("succeeded", "failed", "cancelled", "timed_out", "dead_lettered");
    private final Api api;

    TaskTypeRuns(Api api) {
        this.api = api;
    }

    /** A running agent of the default project with every product capability (and the test types). */
    String agent() {
        return TestRuntime.runningTaskAgent(api);
    }

    /** Submits {@code type} with {@code payload} (JSON) on {@code agent}, without the cache; the 201 response. */
    Api.Response submit(String agent, String type, String payload) {
        return api.post("/api/v1/tasks", "{\"type\":\"" + type + "\",\"cache\":false,\"agentId\":\"" + agent + "\",\"payload\":" + payload + "}");
    }

    /** Submits and waits for the task's end; its representation. */
    JsonNode run(String agent, String type, String payload) {
        var created = submit(agent, type, payload);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return finished(created.data().get("id").asString());
    }

    JsonNode finished(String id) {
        return Await.until(() -> api.get("/api/v1/tasks/" + id), r -> r.status() == 200 && TERMINAL.contains(r.data().get("status").asString()),
                "task " + id + " to end", Duration.ofSeconds(240)).data();
    }

    /** Every artifact of the task, downloaded: name → bytes (checked against the listed size and SHA-256). */
    Map<String, byte[]> artifacts(String taskId) {
        var list = api.get("/api/v1/tasks/" + taskId + "/artifacts");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        var out = new LinkedHashMap<String, byte[]>();
        for (var a : list.data()) {
            var d = api.download(a.get("href").asString());
            assertThat(d.status()).as(a.get("name").asString()).isEqualTo(200);
            assertThat(d.bytes().length).isEqualTo(a.get("bytes").asInt());
            assertThat(Hashes.sha256Hex(d.bytes())).isEqualTo(a.get("sha256").asString());
            assertThat(d.header("Content-Type")).isEqualTo(a.get("contentType").asString());
            out.put(a.get("name").asString(), d.bytes());
        }
        return out;
    }
}
