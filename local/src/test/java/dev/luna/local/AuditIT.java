package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every write leaves an audit entry (who, what, which resource, when, request id, outcome); entries cannot be changed. */
class AuditIT {
    private final Api admin = TestRuntime.admin();

    @Test
    void writesAreAuditedWithTheirOutcome() {
        Instant start = Instant.now();
        String user = TestRuntime.unique("usr-audited");
        var api = admin.withKey(IdentityIT.keyFor(admin, user, "\"projects:read\",\"projects:write\",\"agents:write\",\"agents:read\""));
        var project = api.header("X-Request-Id", "audit-req-1").post("/api/v1/projects", "{\"name\":\"Audited\"}");
        String projectId = project.data().get("id").asString();
        var denied = api.header("X-Request-Id", "audit-req-2").post("/api/v1/agents", TestRuntime.agentJson("x", "t", "1.0.0"));
        assertThat(denied.status()).as("not a member of default").isEqualTo(404);
        var bad = api.header("X-Request-Id", "audit-req-3").post("/api/v1/agents",
                "{\"projectId\":\"" + projectId + "\",\"name\":\"x\",\"type\":\"t\",\"version\":\"nope\",\"config\":{\"runtime\":\"java\"}}");
        assertThat(bad.status()).isEqualTo(400);
        api.get("/api/v1/projects/" + projectId);

        var byActor = admin.get("/api/v1/audit?actor=" + user + "&from=" + start).data();
        assertThat(byActor.size()).as(byActor.toString()).isEqualTo(3);
        JsonNode newest = byActor.get(0);
        assertThat(newest.get("requestId").asString()).isEqualTo("audit-req-3");
        assertThat(newest.get("action").asString()).isEqualTo("agents-create");
        assertThat(newest.get("status").asInt()).isEqualTo(400);
        assertThat(newest.get("errorCode").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(newest.get("projectId").asString()).isEqualTo(projectId);
        assertThat(byActor.get(1).get("status").asInt()).isEqualTo(404);
        JsonNode oldest = byActor.get(2);
        assertThat(oldest.get("action").asString()).isEqualTo("projects-create");
        assertThat(oldest.get("resourceId").asString()).isEqualTo(projectId);
        assertThat(oldest.get("actorKind").asString()).isEqualTo("api_key");
        assertThat(oldest.get("credentialId").asString()).startsWith("key_");
        assertThat(oldest.get("method").asString()).isEqualTo("POST");

        assertThat(admin.get("/api/v1/audit?projectId=" + projectId).data().size()).isEqualTo(1);
        assertThat(admin.get("/api/v1/audit?actor=" + user + "&action=projects-create").data().size()).isEqualTo(1);
        assertThat(admin.get("/api/v1/audit?actor=" + user + "&to=" + start).data().size()).isZero();

        var pageOne = admin.get("/api/v1/audit?actor=" + user + "&limit=2");
        assertThat(pageOne.data().size()).isEqualTo(2);
        var pageTwo = admin.get(pageOne.json().get("links").get("next").asString());
        assertThat(pageTwo.data().size()).isEqualTo(1);
        assertThat(pageTwo.data().get(0).get("action").asString()).isEqualTo("projects-create");
    }

    @Test
    void theLogIsReadOnlyAndForAdministrators() {
        assertThat(admin.send("PUT", "/api/v1/audit", "{}").status()).isEqualTo(405);
        assertThat(admin.delete("/api/v1/audit").status()).isEqualTo(405);
        var reader = admin.withKey(IdentityIT.keyFor(admin, TestRuntime.unique("usr-r"), "\"projects:read\""));
        assertThat(reader.get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/audit?from=yesterday").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(admin.get("/api/v1/audit?cursor=bogus").errorCode()).isEqualTo("INVALID_CURSOR");
        assertThat(admin.get("/api/v1/audit?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z").errorCode()).isEqualTo("VALIDATION_FAILED");
    }
}
