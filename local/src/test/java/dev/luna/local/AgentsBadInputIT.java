package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input gets a specific 4xx in the error envelope, naming the field, and leaves the stored
 * agent exactly as it was.
 */
class AgentsBadInputIT {
    private static final Api api = TestRuntime.admin();
    private static String id;
    private static String before;

    @BeforeAll
    static void registerOne() {
        var created = api.post("/api/v1/agents", TestRuntime.agentJson(TestRuntime.unique("bad-input"), "task-executor", "1.0.0"));
        id = created.data().get("id").asString();
        before = stored();
    }

    private static String stored() {
        var agent = api.get("/api/v1/agents/" + id).json().get("data");
        ((tools.jackson.databind.node.ObjectNode) agent).remove("health");
        return agent.toString();
    }

    static Stream<Arguments> badRegistrations() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"name\": ", 400, "MALFORMED_JSON", null),
                Arguments.of("not an object", "[1,2]", 400, "MALFORMED_JSON", null),
                Arguments.of("empty body", "", 400, "MALFORMED_JSON", null),
                Arguments.of("trailing garbage", TestRuntime.agentJson("a", "t", "1.0.0") + "}", 400, "MALFORMED_JSON", null),
                Arguments.of("unknown field", "{\"name\":\"a\",\"type\":\"t\",\"version\":\"1.0.0\",\"config\":{\"runtime\":\"java\"},\"colour\":\"red\"}",
                        400, "VALIDATION_FAILED", "colour"),
                Arguments.of("unknown nested field", "{\"name\":\"a\",\"type\":\"t\",\"version\":\"1.0.0\",\"config\":{\"runtime\":\"java\",\"gpu\":true}}",
                        400, "VALIDATION_FAILED", "config.gpu"),
                Arguments.of("missing name", "{\"type\":\"t\",\"version\":\"1.0.0\",\"config\":{\"runtime\":\"java\"}}", 400, "VALIDATION_FAILED", "name"),
                Arguments.of("missing config", "{\"name\":\"a\",\"type\":\"t\",\"version\":\"1.0.0\"}", 400, "VALIDATION_FAILED", "config"),
                Arguments.of("missing runtime", "{\"name\":\"a\",\"type\":\"t\",\"version\":\"1.0.0\",\"config\":{}}", 400, "VALIDATION_FAILED", "config.runtime"),
                Arguments.of("invalid semver", TestRuntime.agentJson("a", "t", "1.0"), 400, "VALIDATION_FAILED", "version"),
                Arguments.of("semver with leading zero", TestRuntime.agentJson("a", "t", "01.0.0"), 400, "VALIDATION_FAILED", "version"),
                Arguments.of("wrong type: string for number",
                        "{\"name\":\"a\",\"type\":\"t\",\"version\":\"1.0.0\",\"config\":{\"runtime\":\"java\",\"timeout\":\"5000\"}}",
                        400, "VALIDATION_FAILED", "config.timeout"),
                Arguments.of("wrong type: number for string", "{\"name\":5,\"type\":\"t\",\"version\":\"1.0.0\",\"config\":{\"runtime\":\"java\"}}",
                        400, "VALIDATION_FAILED", "name"),
                Arguments.of("wrong type: object for list",
                        "{\"name\":\"a\",\"type\":\"t\",\"version\":\"1.0.0\",\"config\":{\"runtime\":\"java\",\"capabilities\":{}}}",
                        400, "VALIDATION_FAILED", "config.capabilities"),
                Arguments.of("unknown runtime", "{\"name\":\"a\",\"type\":\"t\",\"version\":\"1.0.0\",\"config\":{\"runtime\":\"cobol\"}}",
                        400, "VALIDATION_FAILED", "config.runtime"),
                Arguments.of("timeout out of range",
                        "{\"name\":\"a\",\"type\":\"t\",\"version\":\"1.0.0\",\"config\":{\"runtime\":\"java\",\"timeout\":10}}",
                        400, "VALIDATION_FAILED", "config.timeout"),
                Arguments.of("negative quota",
                        "{\"name\":\"a\",\"type\":\"t\",\"version\":\"1.0.0\",\"config\":{\"runtime\":\"java\"},\"resourceQuota\":{\"memoryMb\":-1}}",
                        400, "VALIDATION_FAILED", "resourceQuota.memoryMb"),
                Arguments.of("bad capability", TestRuntime.agentJson("a", "t", "1.0.0", "Code Analysis!"), 400, "VALIDATION_FAILED", "config.capabilities[0]"),
                Arguments.of("bad type name", TestRuntime.agentJson("a", "Task Executor", "1.0.0"), 400, "VALIDATION_FAILED", "type"),
                Arguments.of("null name", "{\"name\":null,\"type\":\"t\",\"version\":\"1.0.0\",\"config\":{\"runtime\":\"java\"}}",
                        400, "VALIDATION_FAILED", "name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRegistrations")
    void badRegistrationIsRejected(String description, String body, int status, String code, String field) {
        var r = api.post("/api/v1/agents", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.errorCode()).isEqualTo(code);
        var error = r.json().get("error");
        assertThat(error.get("requestId").asString()).isEqualTo(r.header("X-Request-Id"));
        assertThat(error.get("timestamp").asString()).isNotBlank();
        if (field != null) {
            assertThat(error.get("message").asString()).contains("'" + field + "'");
            assertThat(error.get("details").get("violations").get(0).get("field").asString()).isEqualTo(field);
        }
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at dev.luna");
    }

    @Test
    void badUpdatesLeaveTheAgentUnchanged() {
        String path = "/api/v1/agents/" + id;
        assertThat(api.put(path, "{\"version\":\"one\"}").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.put(path, "{\"version\":\"2.0.0\",\"bogus\":1}").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.put(path, "{}").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.put(path, "{\"config\":{\"timeout\":5000}}").errorCode()).as("config replaced whole needs runtime").isEqualTo("VALIDATION_FAILED");
        assertThat(api.put(path, "{\"version\":\"2.0.0\",\"revision\":99}").errorCode()).isEqualTo("VERSION_CONFLICT");
        var stale = api.header("If-Match", "\"99\"").put(path, "{\"version\":\"2.0.0\"}");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.errorCode()).isEqualTo("PRECONDITION_FAILED");
        assertThat(api.header("If-Match", "garbage").put(path, "{\"version\":\"2.0.0\"}").status()).isEqualTo(412);
        assertThat(api.post(path + "/rollback", "{\"version\":\"x\"}").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.post(path + "/rollback", "{\"version\":\"1.0.0\",\"versionNumber\":1}").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.post(path + "/heartbeat", "{\"metrics\":{\"errorRate\":500}}").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.post(path + "/stop", null).errorCode()).isEqualTo("INVALID_TRANSITION");
        assertThat(stored()).isEqualTo(before);
        assertThat(api.get(path + "/versions").data().size()).isEqualTo(1);
    }

    @Test
    void oversizedBodiesAreRefused() {
        String filler = "x".repeat(1024 * 1024 + 10);
        var big = api.post("/api/v1/agents", "{\"name\":\"" + filler + "\"}");
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
        var huge = api.put("/api/v1/agents/" + id, "{\"description\":\"" + "y".repeat(7 * 1024 * 1024) + "\"}");
        assertThat(huge.status()).as("refused by the gateway before the function").isEqualTo(413);
        assertThat(huge.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void unknownIdsAreNotFoundAndMalformedOnesAreRejected() {
        String unknown = "agt_00000000000000000000000000";
        for (String path : new String[] {"/api/v1/agents/" + unknown, "/api/v1/agents/" + unknown + "/health", "/api/v1/agents/" + unknown + "/versions"}) {
            var r = api.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.errorCode()).isEqualTo("NOT_FOUND");
            assertThat(r.json().get("error").get("message").asString()).contains(unknown);
        }
        assertThat(api.post("/api/v1/agents/" + unknown + "/start", null).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/agents/" + unknown, "{\"version\":\"1.0.1\"}").status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/agents/" + unknown).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/agents/" + unknown + "/heartbeat", "{}").status()).isEqualTo(404);
        // malformed ids (too short, a 3,000-character one beyond DynamoDB's key limit) are 400s naming the path parameter
        for (String bad : new String[] {"agt_nope", "agt_" + "A".repeat(3000), "tsk_00000000000000000000000000"}) {
            for (var r : new Api.Response[] {api.get("/api/v1/agents/" + bad), api.delete("/api/v1/agents/" + bad),
                    api.post("/api/v1/agents/" + bad + "/start", null)}) {
                assertThat(r.status()).as(r.toString()).isEqualTo(400);
                assertThat(r.errorCode()).isEqualTo("VALIDATION_FAILED");
                assertThat(r.json().get("error").get("message").asString()).contains("path.id").contains("agent id");
            }
        }
    }

    @Test
    void badListParametersAreClientErrors() {
        assertThat(api.get("/api/v1/agents?cursor=not-a-cursor").errorCode()).isEqualTo("INVALID_CURSOR");
        assertThat(api.get("/api/v1/agents?cursor=" + java.util.Base64.getUrlEncoder().encodeToString("pk=x".getBytes())).errorCode())
                .isEqualTo("INVALID_CURSOR");
        assertThat(api.get("/api/v1/agents?limit=0").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/agents?limit=1000").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/agents?limit=ten").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/agents?status=sleeping").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/agents?health=great").errorCode()).isEqualTo("VALIDATION_FAILED");
        var versionsCursor = api.get("/api/v1/agents/" + id + "/versions?cursor=garbage");
        assertThat(versionsCursor.errorCode()).isEqualTo("INVALID_CURSOR");
    }

    @Test
    void unknownRoutesAndMethodsUseTheEnvelope() {
        var route = api.get("/api/v1/nothing-here");
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.errorCode()).isEqualTo("ROUTE_NOT_FOUND");
        assertThat(route.header("X-Request-Id")).isNotBlank();
        var method = api.send("PATCH", "/api/v1/agents/" + id, "{}");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(method.header("Allow")).contains("GET").contains("PUT").contains("DELETE");
    }
}
