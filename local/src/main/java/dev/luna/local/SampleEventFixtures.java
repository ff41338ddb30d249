package dev.luna.local;

import dev.luna.catalog.Catalog;
import dev.luna.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Makes a sample event under {@code events/} replayable against a fresh runtime: every example id it names (agent,
 * project, task, index job, RAG context, API key, refresh token, request id) is replaced by a real one, created through the public
 * API in the state the event's function needs — a running agent for stop and submissions, two versions for rollback,
 * a finished task for get/result/artifacts, a running one for cancel, a cancelled one for retry, a project with the
 * example member for member removal. Used by the packaging's training run, {@code scripts/invoke} and the tests
 * that replay every event.
 */
public final class SampleEventFixtures {
    public static final String AGENT = "agt_01JEXAMPLE0000000000000000";
    public static final String PROJECT = "prj_01JEXAMPLE0000000000000000";
    public static final String KEY = "key_01JEXAMPLE0000000000000000";
    public static final String REFRESH = "lrt_EXAMPLE_REFRESH_TOKEN";
    public static final String TASK = "tsk_01JEXAMPLE0000000000000000";
    public static final String JOB = "job_01JEXAMPLE0000000000000000";
    public static final String DEVICE = "dev_000000000000example";
    public static final String CONTEXT = "ctx_000000000000000000000abc";
    public static final String REQUEST = "req_01JEXAMPLE0000000000000000";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final URI base;
    private final String adminKey;
    private final List<String> capabilities;
    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * @param base         the runtime's base URI
     * @param adminKey     an admin API key of that runtime
     * @param capabilities the task types agents made here can run (the catalog's task types plus any test types)
     */
    public SampleEventFixtures(URI base, String adminKey, List<String> capabilities) {
        this.base = base;
        this.adminKey = adminKey;
        this.capabilities = List.copyOf(capabilities);
    }

    /** Fixtures whose agents run every task type the catalog declares. */
    public static SampleEventFixtures forCatalog(URI base, String adminKey) {
        return new SampleEventFixtures(base, adminKey, new ArrayList<>(Catalog.load().taskWorkers().keySet()));
    }

    /** The event with each example id replaced by a real one that {@code function} can act on. */
    public String prepare(String function, String event) {
        if (function.equals("rag-git-hook")) gitWatch();
        if (event.contains(AGENT)) event = event.replace(AGENT, agent(function));
        if (event.contains(PROJECT)) {
            String project = project(function);
            event = event.replace(PROJECT, project);
            if (event.contains(CONTEXT)) event = event.replace(CONTEXT, context(project));
        }
        if (event.contains(JOB)) event = event.replace(JOB, job("default"));
        if (event.contains(KEY)) event = event.replace(KEY, data(send("POST", "/api/v1/api-keys",
                "{\"name\":\"sample\",\"scopes\":[\"agents:read\"]}")).get("key").get("id").asString());
        if (event.contains(REFRESH)) event = event.replace(REFRESH, data(sendAs(null, "POST", "/api/v1/auth/token",
                "{\"grant_type\":\"api_key\",\"api_key\":\"" + adminKey + "\"}")).get("refresh_token").asString());
        if (event.contains(TASK)) event = event.replace(TASK, task(function));
        if (event.contains(DEVICE)) event = event.replace(DEVICE, data(send("POST", "/api/v1/devices",
                "{\"expoPushToken\":\"ExponentPushToken[" + unique("sample").replaceAll("[^A-Za-z0-9-]", "-") + "]\",\"platform\":\"android\"}"))
                .get("id").asString());
        if (event.contains(REQUEST)) event = event.replace(REQUEST, send("GET", "/api/v1/agents?limit=1", null).get("meta").get("requestId").asString());
        return event;
    }

    /** The secret of the git watch the sample webhook delivery is signed with. */
    public static final String SAMPLE_HOOK_SECRET = "sample-webhook-secret-0123456789";

    /**
     * A watched git index of the repository the sample webhook names, with the secret its signature uses (its first
     * job may fail where the repository is unreachable: the watch stays, as a user's would).
     */
    public void gitWatch() {
        send("POST", "/api/v1/rag/index", "{\"source\":{\"type\":\"git\",\"url\":\"https://github.com/octo-org/octo-repo.git\"},"
                + "\"refresh\":{\"secret\":\"" + SAMPLE_HOOK_SECRET + "\"}}");
    }

    /** A registered agent in the state the function needs (running for stop and submissions, two versions for rollback). */
    public String agent(String function) {
        String id = data(send("POST", "/api/v1/agents", agentJson("sample", "{}", 1))).get("id").asString();
        switch (function) {
            case "agents-stop", "tasks-submit", "tasks-ingest" -> send("POST", "/api/v1/agents/" + id + "/start", null);
            case "agents-rollback" -> send("PUT", "/api/v1/agents/" + id, "{\"version\":\"1.0.1\"}");
            default -> { }
        }
        return id;
    }

    /** A running agent that runs every capability, many tasks at once, retrying quickly. */
    public String runningTaskAgent() {
        String id = data(send("POST", "/api/v1/agents", agentJson("tasks-agent",
                "{\"maxAttempts\":3,\"initialDelayMs\":50,\"multiplier\":2.0,\"maxDelayMs\":200}", 1000))).get("id").asString();
        send("POST", "/api/v1/agents/" + id + "/start", null);
        return id;
    }

    /** A project (with the example member when the event removes it). */
    public String project(String function) {
        String id = data(send("POST", "/api/v1/projects", "{\"name\":\"" + unique("sample") + "\"}")).get("id").asString();
        if (function.equals("projects-members-remove")) {
            send("POST", "/api/v1/projects/" + id + "/members", "{\"userId\":\"usr_example_member\",\"role\":\"viewer\"}");
        }
        return id;
    }

    /** A stored RAG context (a chunk) of the project: one small file indexed, then found by a keyword query. */
    public String context(String project) {
        String name = className("Ctx");
        String path = "fixtures/" + name + ".java";
        send("POST", "/api/v1/rag/index", index(project, path, name));
        var found = data(send("POST", "/api/v1/rag/query", "{\"projectId\":\"" + project + "\",\"query\":\"" + name
                + "\",\"mode\":\"keyword\",\"filters\":{\"path\":\"" + path + "\"}}")).get("contexts");
        if (found == null || found.isEmpty()) throw new IllegalStateException("the indexed fixture " + path + " was not found");
        return found.get(0).get("id").asString();
    }

    /** An index job over one small inline file of the project (the local runtime runs it at once). */
    public String job(String project) {
        String name = className("Fixture");
        return data(send("POST", "/api/v1/rag/index", index(project, "fixtures/" + name + ".java", name))).get("id").asString();
    }

    private static String index(String project, String path, String className) {
        return "{\"projectId\":\"" + project + "\",\"source\":{\"type\":\"inline\",\"files\":[{\"path\":\"" + path
                + "\",\"content\":\"class " + className + " {\\n    int answer() {\\n        return 42;\\n    }\\n}\\n\"}]}}";
    }

    private static String className(String prefix) {
        return prefix + unique("c").replaceAll("[^A-Za-z0-9]", "");
    }

    /** A task in the state the function needs: finished for get/result/artifacts, running for cancel, cancelled for retry. */
    public String task(String function) {
        String agent = runningTaskAgent();
        String type = "echo";
        String payload = switch (function) {
            case "tasks-cancel", "tasks-retry", "tasks-follow", "tasks-unfollow" -> "{\"message\":\"wait\",\"steps\":20,\"delayMs\":20000}";
            default -> "{\"message\":\"sample\",\"artifactName\":\"echo.txt\"}";
        };
        if (function.startsWith("task-") && !function.equals("task-echo")) {
            type = function.substring("task-".length());
            payload = "{\"source\":{\"type\":\"inline\",\"files\":[{\"path\":\"src/App.java\",\"content\":\"class App {}\\n\"}]}}";
        }
        String id = data(send("POST", "/api/v1/tasks", "{\"type\":\"" + type + "\",\"cache\":false,\"agentId\":\"" + agent
                + "\",\"payload\":" + payload + "}")).get("id").asString();
        switch (function) {
            case "tasks-get", "tasks-result", "tasks-webhook", "tasks-artifacts-list", "tasks-artifacts-get" -> awaitTask(id, "succeeded");
            case "tasks-retry" -> {
                send("DELETE", "/api/v1/tasks/" + id, null);
                awaitTask(id, "cancelled");
            }
            default -> { }
        }
        return id;
    }

    /** Waits until the task reaches {@code status}. */
    public void awaitTask(String id, String status) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String seen = null;
        while (System.nanoTime() < deadline) {
            seen = data(send("GET", "/api/v1/tasks/" + id, null)).get("status").asString();
            if (seen.equals(status)) return;
            sleep();
        }
        throw new IllegalStateException("task " + id + " did not become " + status + " within " + WAIT.toSeconds() + " s (last: " + seen + ")");
    }

    private String agentJson(String name, String retryPolicy, int maxConcurrentTasks) {
        var caps = new StringBuilder();
        for (String c : capabilities) caps.append(caps.isEmpty() ? "" : ",").append('"').append(c).append('"');
        return """
                {"name":"%s","type":"task-executor","version":"1.0.0","config":{"runtime":"java","capabilities":[%s],
                 "retryPolicy":%s},"resourceQuota":{"maxConcurrentTasks":%d}}
                """.formatted(unique(name), caps, retryPolicy, maxConcurrentTasks);
    }

    private static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }

    private static JsonNode data(JsonNode body) {
        return body.has("data") ? body.get("data") : body;
    }

    private JsonNode send(String method, String path, String body) {
        return sendAs(adminKey, method, path, body);
    }

    private JsonNode sendAs(String key, String method, String path, String body) {
        var b = HttpRequest.newBuilder(base.resolve(path)).timeout(WAIT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) b.header("Authorization", "Bearer " + key);
        if (body != null) b.header("Content-Type", "application/json");
        try {
            var r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
            return Json.tree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
