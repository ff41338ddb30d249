package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The whole agent lifecycle over HTTP against the local runtime on real emulators. */
class AgentsLifecycleIT {
    private final Api api = TestRuntime.admin();

    @Test
    void registerUpdateStartStopRollbackAndDeactivate() {
        String name = TestRuntime.unique("lifecycle");
        var created = api.post("/api/v1/agents", TestRuntime.agentJson(name, "task-executor", "1.0.0", "code-analysis"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.data().get("id").asString();
        assertThat(id).startsWith("agt_");
        assertThat(created.header("Location")).isEqualTo("/api/v1/agents/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.data().get("status").asString()).isEqualTo("registered");
        assertThat(created.data().get("config").get("timeout").asLong()).isEqualTo(300_000);
        assertThat(created.data().get("resourceQuota").get("maxConcurrentTasks").asInt()).isEqualTo(5);

        var got = api.get("/api/v1/agents/" + id);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.data().get("name").asString()).isEqualTo(name);

        var updated = api.put("/api/v1/agents/" + id, """
                {"version":"1.1.0","config":{"runtime":"python","timeout":60000,"capabilities":["code-analysis","design-architecture"]}}""");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.data().get("version").asString()).isEqualTo("1.1.0");
        assertThat(updated.data().get("versionNumber").asInt()).isEqualTo(2);
        assertThat(updated.data().get("revision").asLong()).isEqualTo(2);
        assertThat(updated.data().get("config").get("runtime").asString()).isEqualTo("python");

        assertThat(api.post("/api/v1/agents/" + id + "/stop", null).errorCode()).isEqualTo("INVALID_TRANSITION");
        var started = api.post("/api/v1/agents/" + id + "/start", null);
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.data().get("status").asString()).isEqualTo("running");
        assertThat(started.data().get("startedAt").isMissingNode()).isFalse();
        var again = api.post("/api/v1/agents/" + id + "/start", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("INVALID_TRANSITION");
        assertThat(api.post("/api/v1/agents/" + id + "/stop", null).data().get("status").asString()).isEqualTo("stopped");
        assertThat(api.post("/api/v1/agents/" + id + "/start", null).data().get("status").asString()).isEqualTo("running");

        var rolledBack = api.post("/api/v1/agents/" + id + "/rollback", null);
        assertThat(rolledBack.status()).as(rolledBack.toString()).isEqualTo(200);
        assertThat(rolledBack.data().get("version").asString()).isEqualTo("1.0.0");
        assertThat(rolledBack.data().get("config").get("runtime").asString()).isEqualTo("java");
        assertThat(rolledBack.data().get("versionNumber").asInt()).isEqualTo(3);
        assertThat(rolledBack.data().get("status").asString()).as("rollback keeps the agent running").isEqualTo("running");

        var named = api.post("/api/v1/agents/" + id + "/rollback", "{\"version\":\"1.1.0\"}");
        assertThat(named.data().get("version").asString()).isEqualTo("1.1.0");
        assertThat(named.data().get("versionNumber").asInt()).isEqualTo(4);
        var byNumber = api.post("/api/v1/agents/" + id + "/rollback", "{\"versionNumber\":1}");
        assertThat(byNumber.data().get("version").asString()).isEqualTo("1.0.0");

        var versions = api.get("/api/v1/agents/" + id + "/versions");
        assertThat(versions.status()).isEqualTo(200);
        var list = versions.data();
        assertThat(list.size()).isEqualTo(5);
        assertThat(list.get(0).get("versionNumber").asInt()).as("newest first").isEqualTo(5);
        assertThat(list.get(0).get("change").asString()).isEqualTo("rolled_back");
        assertThat(list.get(0).get("restoredFrom").asInt()).isEqualTo(1);
        assertThat(list.get(3).get("change").asString()).isEqualTo("updated");
        assertThat(list.get(4).get("change").asString()).isEqualTo("created");
        assertThat(list.get(4).get("spec").get("version").asString()).isEqualTo("1.0.0");

        var deleted = api.delete("/api/v1/agents/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data().get("status").asString()).isEqualTo("deactivated");
        var listed = api.get("/api/v1/agents?namePrefix=" + name);
        assertThat(listed.data().size()).as("deactivated agents are not listed").isZero();
        assertThat(api.post("/api/v1/agents/" + id + "/start", null).errorCode()).isEqualTo("INVALID_TRANSITION");
        assertThat(api.put("/api/v1/agents/" + id, "{\"version\":\"2.0.0\"}").errorCode()).isEqualTo("INVALID_TRANSITION");
        assertThat(api.delete("/api/v1/agents/" + id).errorCode()).isEqualTo("INVALID_TRANSITION");
        var kept = api.get("/api/v1/agents/" + id);
        assertThat(kept.status()).as("kept for audit").isEqualTo(200);
        assertThat(kept.data().get("status").asString()).isEqualTo("deactivated");
        assertThat(api.get("/api/v1/agents/" + id + "/versions").data().size()).isEqualTo(5);
    }

    @Test
    void rollbackNeedsAnEarlierVersion() {
        var created = api.post("/api/v1/agents", TestRuntime.agentJson(TestRuntime.unique("rb"), "t", "1.0.0"));
        String id = created.data().get("id").asString();
        var r = api.post("/api/v1/agents/" + id + "/rollback", null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.errorCode()).isEqualTo("CONFLICT");
        assertThat(api.post("/api/v1/agents/" + id + "/rollback", "{\"versionNumber\":7}").errorCode()).isEqualTo("NOT_FOUND");
        assertThat(api.post("/api/v1/agents/" + id + "/rollback", "{\"version\":\"9.9.9\"}").errorCode()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/v1/agents/" + id).data().get("versionNumber").asInt()).isEqualTo(1);
    }
}
