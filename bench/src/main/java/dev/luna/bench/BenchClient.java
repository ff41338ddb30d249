package dev.luna.bench;

import dev.luna.core.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** HTTP client of the task benchmarks. */
final class BenchClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String key;

    BenchClient(URI base, String key) {
        this.base = base;
        this.key = key;
    }

    JsonNode send(String method, String path, String body) {
        var b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        try {
            var r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
            return Json.tree(r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers and starts an agent with the bench task types (one attempt = no retries, unless given). */
    String agent(String name, int maxAttempts) {
        var caps = String.join("\",\"", BenchTaskTypes.ALL);
        var created = send("POST", "/api/v1/agents", "{\"name\":\"" + name + "\",\"type\":\"task-executor\",\"version\":\"1.0.0\","
                + "\"config\":{\"runtime\":\"java\",\"capabilities\":[\"" + caps + "\"],\"retryPolicy\":{\"maxAttempts\":" + maxAttempts
                + ",\"initialDelayMs\":100,\"multiplier\":2.0,\"maxDelayMs\":1000}},\"resourceQuota\":{\"maxConcurrentTasks\":10000}}");
        String id = created.get("data").get("id").asString();
        send("POST", "/api/v1/agents/" + id + "/start", null);
        return id;
    }

    String submit(String agent, String type, String priority, String payload) {
        return send("POST", "/api/v1/tasks", "{\"type\":\"" + type + "\",\"priority\":\"" + priority + "\",\"agentId\":\"" + agent
                + "\",\"cache\":false,\"payload\":" + payload + "}").get("data").get("id").asString();
    }

    /** Every task of the project (newest first), following links.next. */
    List<JsonNode> allTasks(String query) {
        var out = new ArrayList<JsonNode>();
        String next = "/api/v1/tasks?limit=100" + (query == null ? "" : "&" + query);
        while (next != null) {
            var page = send("GET", next, null);
            page.get("data").forEach(out::add);
            var links = page.get("links");
            next = links.has("next") ? links.get("next").asString() : null;
        }
        return out;
    }

    static long millisBetween(JsonNode task, String from, String to) {
        return Duration.between(Instant.parse(task.get(from).asString()), Instant.parse(task.get(to).asString())).toMillis();
    }
}
