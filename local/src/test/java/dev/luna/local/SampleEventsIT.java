package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.catalog.Catalog;
import dev.luna.core.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Replays every sample event under {@code events/} through the same Spring Cloud Function path Lambda uses
 * (raw event JSON in, response JSON out), against a fresh agent where the event names one. HTTP events must answer
 * 2xx with their request id; scheduled events (EventBridge "Scheduled Event" JSON) must answer their run's report.
 */
class SampleEventsIT {
    private static final String EXAMPLE_AGENT = "agt_01JEXAMPLE0000000000000000";
    private static final String EXAMPLE_PROJECT = "prj_01JEXAMPLE0000000000000000";
    private static final String EXAMPLE_KEY = "key_01JEXAMPLE0000000000000000";
    private static final String EXAMPLE_REFRESH = "lrt_EXAMPLE_REFRESH_TOKEN";
    private static final String EXAMPLE_TASK = "tsk_01JEXAMPLE0000000000000000";
    private static final String EXAMPLE_JOB = "job_01JEXAMPLE0000000000000000";
    private static final String EXAMPLE_CONTEXT = "ctx_000000000000000000000abc";

    @TestFactory
    Stream<DynamicTest> everySampleEventSucceeds() throws IOException {
        var runtime = TestRuntime.shared();
        var api = TestRuntime.admin();
        var tests = new java.util.ArrayList<DynamicTest>();
        for (var f : Catalog.load().functions().values()) {
            Path dir = Paths.root().resolve("events").resolve(f.name());
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    tests.add(DynamicTest.dynamicTest(f.name() + "/" + file.getFileName(), () -> {
                        String event = Files.readString(file);
                        if (event.contains(EXAMPLE_AGENT)) event = event.replace(EXAMPLE_AGENT, prepareAgent(api, f.name()));
                        if (event.contains(EXAMPLE_PROJECT)) {
                            String project = prepareProject(api, f.name());
                            event = event.replace(EXAMPLE_PROJECT, project);
                            if (event.contains(EXAMPLE_CONTEXT)) event = event.replace(EXAMPLE_CONTEXT, RagFixtures.context(api, project));
                        }
                        if (event.contains(EXAMPLE_JOB)) event = event.replace(EXAMPLE_JOB, RagFixtures.job(api, "default"));
                        if (event.contains(EXAMPLE_KEY)) event = event.replace(EXAMPLE_KEY, api.post("/api/v1/api-keys",
                                "{\"name\":\"sample\",\"scopes\":[\"agents:read\"]}").data().get("key").get("id").asString());
                        if (event.contains(EXAMPLE_REFRESH)) event = event.replace(EXAMPLE_REFRESH, api.withKey(null).post("/api/v1/auth/token",
                                "{\"grant_type\":\"api_key\",\"api_key\":\"" + TestRuntime.ADMIN_KEY + "\"}").data().get("refresh_token").asString());
                        if (event.contains(EXAMPLE_TASK)) event = event.replace(EXAMPLE_TASK, prepareTask(api, f.name()));
                        byte[] out = runtime.invoker().invoke(f.bean(), event.getBytes(StandardCharsets.UTF_8));
                        JsonNode response = Json.mapper().readTree(out);
                        if (f.trigger().isQueue() || f.trigger().isTask()) {
                            assertThat(response.get("batchItemFailures").isArray()).as(f.name() + " answered " + response).isTrue();
                            assertThat(response.get("batchItemFailures").size()).as(f.name() + " answered " + response).isZero();
                            return;
                        }
                        if (f.trigger().isSchedule()) {
                            assertThat(response.get("function").asString()).as(f.name() + " answered " + response).isEqualTo(f.name());
                            assertThat(response.get("summary").isObject()).isTrue();
                            return;
                        }
                        int status = response.get("statusCode").asInt();
                        assertThat(status).as(f.name() + " answered " + response).isBetween(200, 299);
                        String requestId = response.get("headers").get("X-Request-Id").asString();
                        assertThat(requestId).isEqualTo(Json.tree(event).get("requestContext").get("requestId").asString());
                    }));
                }
            }
        }
        return tests.stream();
    }

    /** A real project the event can act on (with the example member when the event removes it). */
    private static String prepareProject(Api api, String function) {
        String id = api.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("sample") + "\"}").data().get("id").asString();
        if (function.equals("projects-members-remove")) {
            api.post("/api/v1/projects/" + id + "/members", "{\"userId\":\"usr_example_member\",\"role\":\"viewer\"}");
        }
        return id;
    }

    /** A real agent in the state the event needs (running for stop, with two versions for rollback). */
    private static String prepareAgent(Api api, String function) {
        String id = api.post("/api/v1/agents", TestRuntime.agentJson(TestRuntime.unique("sample"), "task-executor", "1.0.0", "code-analysis", "echo"))
                .data().get("id").asString();
        switch (function) {
            case "agents-stop", "tasks-submit", "tasks-ingest" -> api.post("/api/v1/agents/" + id + "/start", null);
            case "agents-rollback" -> api.put("/api/v1/agents/" + id, "{\"version\":\"1.0.1\"}");
            default -> { }
        }
        return id;
    }

    /** A real task in the state the event needs: finished for get and result, cancelled for retry, long-running for cancel. */
    private static String prepareTask(Api api, String function) {
        String agent = TestRuntime.runningTaskAgent(api);
        String payload = function.equals("tasks-cancel") ? "{\"message\":\"wait\",\"steps\":20,\"delayMs\":20000}"
                : "{\"message\":\"sample\",\"artifactName\":\"echo.txt\"}";
        String type = "echo";
        if (function.startsWith("task-") && !function.equals("task-echo")) {
            // a product type's worker gets a task of its own type: a one-file inline source
            type = function.substring("task-".length());
            payload = "{\"source\":{\"type\":\"inline\",\"files\":[{\"path\":\"src/App.java\",\"content\":\"class App {}\\n\"}]}}";
        }
        var created = api.post("/api/v1/tasks", "{\"type\":\"" + type + "\",\"cache\":false,\"agentId\":\"" + agent + "\",\"payload\":" + payload + "}");
        String id = created.data().get("id").asString();
        switch (function) {
            case "tasks-get", "tasks-result", "tasks-webhook", "tasks-artifacts-list", "tasks-artifacts-get" -> Await.task(api, id, "succeeded");
            case "tasks-retry" -> {
                Await.task(api, id, "succeeded");
                String other = api.post("/api/v1/tasks", "{\"type\":\"test-fatal\",\"agentId\":\"" + agent + "\",\"payload\":{}}")
                        .data().get("id").asString();
                Await.task(api, other, "failed");
                return other;
            }
            default -> { }
        }
        return id;
    }
}
