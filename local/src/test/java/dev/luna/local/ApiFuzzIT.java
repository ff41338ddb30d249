package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Negative fuzzing driven by the served OpenAPI document: every operation gets malformed and hostile path parameters
 * (3,000-character ids, unicode, traversal), bad query values, and — where it takes a body — bad JSON, JSON of the
 * wrong kind, each property of the wrong type, null, huge strings and numbers, unicode, extra fields and an oversized
 * body. No answer may be a 5xx, carry a stack trace or be an error outside the envelope; and the project, agent, task
 * and API key stored before the run read back unchanged after it.
 */
class ApiFuzzIT {
    private static final String KEY = "luna_example_admin_key_for_fuzzing_00000001";
    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)\\+?}");
    private static final Pattern STACK_TRACE = Pattern.compile("\\bat (dev|java|org|com|software|tools)\\.[\\w.$]+\\(|Exception:|\\.java:\\d+\\)");
    private static final String HUGE = "x".repeat(3000);
    private static final String UNICODE = "\u00e9\u6f22\u0000\ud83d\ude00\u202e\ufffd";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static LocalRuntime runtime;
    private static Map<String, String> fixtures;
    private final List<String> failures = new ArrayList<>();
    private int requests;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(KEY)
                .setting("LUNA_RATE_LIMIT_PER_KEY", "100000000").setting("LUNA_RATE_LIMIT_PER_USER", "100000000")
                .setting("LUNA_RAG_RUN_INLINE", "true").start();
        var setup = SampleEventFixtures.forCatalog(runtime.baseUri(), KEY);
        String task = setup.task("tasks-get");
        fixtures = new LinkedHashMap<>();
        fixtures.put("projects", setup.project("projects-get"));
        fixtures.put("agents", setup.agent("agents-get"));
        fixtures.put("tasks", task);
        fixtures.put("api-keys", Json.tree(send("POST", "/api/v1/api-keys", "{\"name\":\"fuzz-fixture\",\"scopes\":[\"agents:read\"]}")
                .body()).get("data").get("key").get("id").asString());
    }

    @AfterAll
    static void stop() {
        if (runtime != null) runtime.close();
    }

    @Test
    void noOperationAnswersBadInputWithA5xxAStackTraceOrAnErrorOutsideTheEnvelope() {
        var before = snapshot();
        JsonNode openapi = Json.tree(send("GET", "/api/v1/openapi.json", null).body());
        int operations = 0;
        for (var path : openapi.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) continue;
                operations++;
                fuzz(openapi, method, path.getKey(), op.getValue());
            }
        }
        assertThat(operations).as("operations in the OpenAPI document").isGreaterThan(50);
        assertThat(requests).isGreaterThan(operations * 5);
        assertThat(failures).as(failures.size() + " of " + requests + " requests failed").isEmpty();
        assertThat(snapshot()).as("fixtures stored before the run").isEqualTo(before);
    }

    private void fuzz(JsonNode openapi, String method, String template, JsonNode op) {
        boolean safe = method.equals("GET");
        // hostile path parameters, one at a time (the others well-formed)
        var m = PARAM.matcher(template);
        while (m.find()) {
            for (String bad : List.of(HUGE, "agt_" + HUGE, UNICODE, "../../etc/passwd", " ", "%")) {
                check(method, path(template, m.group(1), bad, safe), null, "path " + m.group(1) + "=" + abbreviate(bad));
            }
        }
        String target = path(template, null, null, safe);
        // well-formed ids of nothing stored, and bad query values
        check(method, path(template, null, null, false), method.equals("GET") || method.equals("DELETE") ? null : "{}", "unknown ids");
        for (String query : List.of("limit=-1", "limit=99999999999999999999", "limit=abc", "cursor=%7Bnot-a-cursor", "cursor=" + HUGE,
                "projectId=" + HUGE, "projectId=" + enc(UNICODE), "since=yesterday", "status=" + enc(UNICODE))) {
            if (safe) check(method, target + "?" + query, null, "query " + abbreviate(query));
        }
        JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
        if (body.isMissingNode()) return;
        JsonNode schema = resolve(openapi, body);
        // a mutating call may target a stored fixture only with bodies that no valid request could be
        String stored = path(template, null, null, true);
        for (String raw : List.of("{not json", "[]", "null", "\"text\"", "12345678901234567890", "{\"a\":", "\u0000", "{}{}")) {
            check(method, stored, raw, "body " + abbreviate(raw));
        }
        check(method, stored, "{\"pad\":\"" + "p".repeat(2 * 1024 * 1024) + "\"}", "oversized body");
        String unknown = path(template, null, null, false);
        check(method, unknown, "{\"unexpectedField\":" + UNICODE.length() + ",\"" + HUGE + "\":null}", "extra fields");
        for (var p : schema.path("properties").properties()) {
            String name = p.getKey();
            JsonNode prop = resolve(openapi, p.getValue());
            for (String wrong : wrongValues(prop)) check(method, stored, "{\"" + name + "\":" + wrong + "}", name + "=" + abbreviate(wrong));
            check(method, unknown, "{\"" + name + "\":null}", name + "=null");
            check(method, unknown, "{\"" + name + "\":\"" + UNICODE + HUGE + "\"}", name + "=unicode+huge");
        }
    }

    /** Values that break the property's declared type. */
    private static List<String> wrongValues(JsonNode prop) {
        String type = prop.path("type").isString() ? prop.path("type").asString() : "";
        return switch (type) {
            case "string" -> List.of("12", "{}", "[]", "true", "\"" + "s".repeat(100_000) + "\"");
            case "integer", "number" -> List.of("\"12\"", "1e308", "-1e308", "99999999999999999999999", "1.5e-400", "{}");
            case "boolean" -> List.of("\"true\"", "1", "[]");
            case "array" -> List.of("{}", "\"a\"", "[" + "null,".repeat(5000) + "null]", "[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]");
            case "object" -> List.of("[]", "\"o\"", "7", "{\"nested\":{\"deeper\":{\"deepest\":[" + "{},".repeat(2000) + "{}]}}}");
            default -> List.of("{}", "[]", "\"" + HUGE + "\"");
        };
    }

    private static JsonNode resolve(JsonNode openapi, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (!ref.startsWith("#/")) return schema;
        JsonNode node = openapi;
        for (String part : ref.substring(2).split("/")) node = node.path(part);
        return node;
    }

    /** The template with every parameter filled: {@code bad} for {@code param}; the rest a stored fixture or a well-formed unknown id. */
    private static String path(String template, String param, String bad, boolean useFixtures) {
        var out = new StringBuilder();
        var m = PARAM.matcher(template);
        int last = 0;
        while (m.find()) {
            out.append(template, last, m.start());
            String collection = template.substring(0, m.start() - 1);
            collection = collection.substring(collection.lastIndexOf('/') + 1);
            String value = m.group(1).equals(param) ? bad : wellFormed(collection, useFixtures);
            out.append(enc(value));
            last = m.end();
        }
        return out.append(template.substring(last)).toString();
    }

    private static String wellFormed(String collection, boolean useFixtures) {
        if (useFixtures && fixtures.containsKey(collection)) return fixtures.get(collection);
        return switch (collection) {
            case "agents" -> "agt_00000000000000000000000000";
            case "api-keys" -> "key_00000000000000000000000000";
            case "projects" -> "prj_00000000000000000000000000";
            case "tasks" -> "tsk_00000000000000000000000000";
            case "index" -> "job_00000000000000000000000000";
            case "context" -> "ctx_000000000000000000000000";
            case "queues" -> "critical";
            case "members" -> "usr_nobody";
            default -> "echo.txt";
        };
    }

    private void check(String method, String path, String body, String what) {
        requests++;
        HttpResponse<String> r;
        try {
            r = send(method, path, body);
        } catch (RuntimeException e) {
            failures.add(method + " " + abbreviate(path) + " [" + what + "]: no answer: " + e.getMessage());
            return;
        }
        String where = method + " " + abbreviate(path) + " [" + what + "] -> " + r.statusCode() + " " + abbreviate(r.body());
        if (r.statusCode() >= 500) failures.add(where);
        else if (STACK_TRACE.matcher(r.body()).find()) failures.add("stack trace: " + where);
        else if (r.statusCode() >= 400) {
            JsonNode error;
            try {
                error = Json.tree(r.body()).path("error");
            } catch (RuntimeException e) {
                failures.add("not JSON: " + where);
                return;
            }
            if (!error.path("code").isString() || !error.path("message").isString() || !error.path("requestId").isString()) {
                failures.add("not the error envelope: " + where);
            }
        }
    }

    private static HttpResponse<String> send(String method, String path, String body) {
        var b = HttpRequest.newBuilder(URI.create(runtime.baseUri().toString().replaceAll("/$", "") + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + KEY)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What each fixture reads back as, without the fields that change with time alone. */
    private static Map<String, String> snapshot() {
        var out = new LinkedHashMap<String, String>();
        out.put("project", read("/api/v1/projects/" + fixtures.get("projects")));
        out.put("agent", read("/api/v1/agents/" + fixtures.get("agents")));
        out.put("task", read("/api/v1/tasks/" + fixtures.get("tasks")));
        out.put("taskResult", read("/api/v1/tasks/" + fixtures.get("tasks") + "/result"));
        var keys = Json.tree(send("GET", "/api/v1/api-keys?limit=100", null).body()).get("data");
        for (var k : keys) if (k.get("id").asString().equals(fixtures.get("api-keys"))) out.put("apiKey", strip(k));
        return out;
    }

    private static String read(String path) {
        var r = send("GET", path, null);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return strip(Json.tree(r.body()).get("data"));
    }

    private static String strip(JsonNode node) {
        if (node instanceof tools.jackson.databind.node.ObjectNode o) {
            o.remove(List.of("health", "lastUsedAt", "lastHeartbeatAt", "expiresIn"));
        }
        return node.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
