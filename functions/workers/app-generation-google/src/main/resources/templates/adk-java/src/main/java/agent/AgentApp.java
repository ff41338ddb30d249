package agent;

import com.google.adk.runner.InMemoryRunner;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Starts the agent's A2A server. Environment: {@code AGENT_URL} (the public URL put in the card; default: the card's),
 * {@code PORT} (default: the port of AGENT_URL, else 8080), {@code AGENT_MODEL} (a Gemini model name, default
 * {@code gemini-2.5-flash}, which needs {@code GOOGLE_API_KEY} or Vertex AI settings; {@code fake} runs without a model),
 * {@code UPSTREAM_BASE_URL} and the upstream credentials ({@link Upstream}).
 */
public final class AgentApp {
    private AgentApp() {
    }

    public static void main(String[] args) throws IOException {
        var env = System.getenv();
        String card = resource("agent-card.json");
        String publicUrl = env.getOrDefault("AGENT_URL", ApiAgent.DEFAULT_AGENT_URL);
        int defaultPort = URI.create(publicUrl).getPort() > 0 ? URI.create(publicUrl).getPort() : 8080;
        int port = Integer.parseInt(env.getOrDefault("PORT", String.valueOf(defaultPort)));
        String model = env.getOrDefault("AGENT_MODEL", "gemini-2.5-flash");
        var agent = model.equals("fake") ? ApiAgent.build(new FakeModel(), new Upstream(ApiTools.DEFAULT_BASE_URL, env))
                : ApiAgent.build(model, new Upstream(ApiTools.DEFAULT_BASE_URL, env));
        var server = new A2aServer(new InMemoryRunner(agent, ApiAgent.APP_NAME), card, publicUrl, port).start();
        System.out.println("A2A server on port " + server.port() + "; card at " + publicUrl.replaceAll("^(https?://[^/]+).*$", "$1")
                + "/.well-known/agent-card.json; JSON-RPC at " + publicUrl);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = AgentApp.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IOException(name + " is not on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
