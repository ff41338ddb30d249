package agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.adk.runner.Runner;
import com.google.genai.types.Content;
import com.google.genai.types.Part;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Serves the agent over A2A: the Agent Card at {@code /.well-known/agent-card.json} and JSON-RPC 2.0 on every other
 * path, with the methods {@code message/send}, {@code message/stream} (server-sent events) and {@code tasks/get}
 * (the card's interface declares this JSON-RPC binding). One ADK session per A2A context; tasks are kept in memory.
 */
public final class A2aServer implements AutoCloseable {
    static final String USER = "a2a-user";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Runner runner;
    private final ObjectNode card;
    private final Map<String, ObjectNode> tasks = new ConcurrentHashMap<>();
    private final Map<String, Boolean> sessions = new ConcurrentHashMap<>();
    private final HttpServer server;

    /** Listens on {@code port} (0 = any free port); the card's interface URL becomes {@code publicUrl}. */
    public A2aServer(Runner runner, String cardJson, String publicUrl, int port) throws IOException {
        this.runner = runner;
        this.card = (ObjectNode) JSON.readTree(cardJson);
        for (JsonNode iface : card.withArray("supportedInterfaces")) ((ObjectNode) iface).put("url", publicUrl);
        this.server = HttpServer.create(new InetSocketAddress(port), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
    }

    public A2aServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/.well-known/agent-card.json") || path.equals("/.well-known/agent.json")) {
                send(exchange, 200, "application/json", JSON.writeValueAsBytes(card));
            } else if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, "text/plain", "POST JSON-RPC requests here; the card is at /.well-known/agent-card.json".getBytes(StandardCharsets.UTF_8));
            } else {
                rpc(exchange);
            }
        }
    }

    private void rpc(HttpExchange exchange) throws IOException {
        JsonNode request;
        try {
            request = JSON.readTree(exchange.getRequestBody());
        } catch (IOException e) {
            send(exchange, 200, "application/json", JSON.writeValueAsBytes(error(null, -32700, "Parse error")));
            return;
        }
        JsonNode id = request.get("id");
        String method = request.path("method").asText("");
        JsonNode params = request.path("params");
        switch (method) {
            case "message/send" -> {
                if (!params.path("message").isObject()) {
                    send(exchange, 200, "application/json", JSON.writeValueAsBytes(error(id, -32602, "params.message is required")));
                    return;
                }
                send(exchange, 200, "application/json", JSON.writeValueAsBytes(result(id, runTask(params.get("message"), null))));
            }
            case "message/stream" -> stream(exchange, id, params);
            case "tasks/get" -> {
                ObjectNode task = tasks.get(params.path("id").asText(""));
                send(exchange, 200, "application/json", JSON.writeValueAsBytes(task == null ? error(id, -32001, "Task not found") : result(id, task)));
            }
            default -> send(exchange, 200, "application/json", JSON.writeValueAsBytes(error(id, -32601, "Method not found: " + method)));
        }
    }

    private void stream(HttpExchange exchange, JsonNode id, JsonNode params) throws IOException {
        if (!params.path("message").isObject()) {
            send(exchange, 200, "application/json", JSON.writeValueAsBytes(error(id, -32602, "params.message is required")));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        runTask(params.get("message"), event -> {
            try {
                out.write(("data: " + JSON.writeValueAsString(result(id, event)) + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Runs the agent on the message; {@code events} (when streaming) sees the task, its status and artifact updates. */
    private ObjectNode runTask(JsonNode message, java.util.function.Consumer<ObjectNode> events) {
        String contextId = message.path("contextId").asText(UUID.randomUUID().toString());
        String taskId = UUID.randomUUID().toString();
        ObjectNode user = message.deepCopy();
        user.put("kind", "message").put("contextId", contextId).put("taskId", taskId);
        ObjectNode task = JSON.createObjectNode().put("kind", "task").put("id", taskId).put("contextId", contextId);
        task.set("status", status("submitted", null));
        task.putArray("history").add(user);
        tasks.put(taskId, task);
        if (events != null) {
            events.accept(task.deepCopy());
            events.accept(statusUpdate(task, "working", null, false));
        }
        String answer;
        String state = "completed";
        try {
            answer = ask(contextId, text(message));
        } catch (RuntimeException e) {
            answer = "The agent failed: " + e.getMessage();
            state = "failed";
        }
        ObjectNode reply = agentMessage(answer, contextId, taskId);
        ObjectNode artifact = JSON.createObjectNode().put("artifactId", taskId + "-answer").put("name", "answer");
        artifact.putArray("parts").addObject().put("kind", "text").put("text", answer);
        task.putArray("artifacts").add(artifact);
        ((ArrayNode) task.get("history")).add(reply);
        task.set("status", status(state, reply));
        if (events != null) {
            ObjectNode update = JSON.createObjectNode().put("kind", "artifact-update").put("taskId", taskId).put("contextId", contextId);
            update.set("artifact", artifact);
            update.put("lastChunk", true);
            events.accept(update);
            events.accept(statusUpdate(task, state, reply, true));
        }
        return task;
    }

    private String ask(String contextId, String text) {
        if (sessions.putIfAbsent(contextId, Boolean.TRUE) == null) {
            runner.sessionService().createSession(runner.appName(), USER, new ConcurrentHashMap<>(), contextId).blockingGet();
        }
        var answer = new StringBuilder();
        runner.runAsync(USER, contextId, Content.fromParts(Part.fromText(text))).blockingForEach(event -> {
            if (event.finalResponse()) {
                event.content().flatMap(Content::parts).orElse(List.of()).forEach(p -> p.text().ifPresent(answer::append));
            }
        });
        return answer.length() == 0 ? "(no answer)" : answer.toString();
    }

    private static String text(JsonNode message) {
        var sb = new StringBuilder();
        for (JsonNode part : message.path("parts")) {
            if (part.has("text")) sb.append(sb.length() == 0 ? "" : "\n").append(part.get("text").asText());
        }
        return sb.toString();
    }

    private static ObjectNode agentMessage(String text, String contextId, String taskId) {
        ObjectNode m = JSON.createObjectNode().put("kind", "message").put("role", "agent").put("messageId", UUID.randomUUID().toString())
                .put("contextId", contextId).put("taskId", taskId);
        m.putArray("parts").addObject().put("kind", "text").put("text", text);
        return m;
    }

    private static ObjectNode status(String state, ObjectNode message) {
        ObjectNode s = JSON.createObjectNode().put("state", state).put("timestamp", Instant.now().toString());
        if (message != null) s.set("message", message);
        return s;
    }

    private static ObjectNode statusUpdate(ObjectNode task, String state, ObjectNode message, boolean last) {
        ObjectNode u = JSON.createObjectNode().put("kind", "status-update").put("taskId", task.get("id").asText())
                .put("contextId", task.get("contextId").asText());
        u.set("status", status(state, message));
        u.put("final", last);
        return u;
    }

    private static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode r = JSON.createObjectNode().put("jsonrpc", "2.0");
        r.set("id", id);
        r.set("result", result);
        return r;
    }

    private static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode r = JSON.createObjectNode().put("jsonrpc", "2.0");
        r.set("id", id);
        r.putObject("error").put("code", code).put("message", message);
        return r;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
