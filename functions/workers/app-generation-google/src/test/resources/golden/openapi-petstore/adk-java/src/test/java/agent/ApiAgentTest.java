package agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.adk.runner.InMemoryRunner;
import com.google.adk.tools.BaseTool;
import com.google.genai.types.Content;
import com.google.genai.types.Part;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The agent with a fake model: its tools, one tool call against a stub upstream, and the A2A server. */
class ApiAgentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void declaresOneToolPerOperation() {
        var tools = new ApiTools(new Upstream("http://127.0.0.1:9", Map.of())).all();
        assertEquals(ApiTools.NAMES, tools.stream().map(BaseTool::name).toList());
        for (BaseTool tool : tools) assertTrue(tool.declaration().isPresent(), tool.name() + " has a function declaration");
    }

    @Test
    void callsAToolAgainstTheUpstreamApi() throws Exception {
        var seen = new CopyOnWriteArrayList<String>();
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        try {
            var upstream = new Upstream("http://127.0.0.1:" + stub.getAddress().getPort(), Map.of());
            var runner = new InMemoryRunner(ApiAgent.build(new FakeModel(), upstream), ApiAgent.APP_NAME);
            var session = runner.sessionService().createSession(ApiAgent.APP_NAME, "test").blockingGet();
            var answer = new StringBuilder();
            runner.runAsync("test", session.id(), Content.fromParts(Part.fromText("call listPets {}"))).blockingForEach(e -> {
                if (e.finalResponse()) e.content().flatMap(Content::parts).orElse(List.of()).forEach(p -> p.text().ifPresent(answer::append));
            });
            assertTrue(answer.toString().startsWith("Result of listPets"), answer.toString());
            assertEquals(List.of("GET /v1/pets"), seen);
        } finally {
            stub.stop(0);
        }
    }

    @Test
    void servesTheCardAndAnswersOverA2a() throws Exception {
        var runner = new InMemoryRunner(ApiAgent.build(new FakeModel(), new Upstream("http://127.0.0.1:9", Map.of())), ApiAgent.APP_NAME);
        try (var server = new A2aServer(runner, AgentApp.resource("agent-card.json"), "http://127.0.0.1:0/", 0).start()) {
            var http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            var card = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/.well-known/agent-card.json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(ApiAgent.DESCRIPTION, card.get("description").asText());
            String send = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{\"message\":{\"kind\":\"message\",\"messageId\":\"m1\","
                    + "\"role\":\"user\",\"parts\":[{\"kind\":\"text\",\"text\":\"hello\"}]}}}";
            JsonNode task = post(http, base, send).get("result");
            assertEquals("completed", task.at("/status/state").asText());
            assertTrue(task.at("/artifacts/0/parts/0/text").asText().contains("hello"));
            String get = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tasks/get\",\"params\":{\"id\":\"" + task.get("id").asText() + "\"}}";
            assertEquals(task.get("id"), post(http, base, get).at("/result/id"));
            assertEquals(-32601, post(http, base, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"nope\"}").at("/error/code").asInt());
        }
    }

    private static JsonNode post(HttpClient http, String base, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + "/")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }
}
