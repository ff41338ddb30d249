package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import dev.luna.llm.ProviderStandIn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The runtime of the RAG source tests ({@link RagGitSourcesIT}, {@link RagMediaIT}, {@link RagSummarizeIT}), started
 * once per JVM on first use and stopped at exit: it allows local git sources and private hosts, as
 * {@code ./scripts/local} does (the shared test runtime is strict, as in AWS), knows the token of one git credentials
 * secret, runs index jobs from the queue as in AWS, and talks to an OpenAI wire-protocol stand-in for summaries and to
 * a media stand-in for captions and transcripts.
 */
final class RagSourcesRuntime {
    static final String KEY = "luna_rag_sources_admin_key_0000000000000001";
    static final String TOKEN = "ghp_standin_token_0123456789";
    private static RagSourcesRuntime instance;

    final ProviderStandIn openai;
    /** Speaks OpenAI's image-input chat completions and audio transcriptions, for captions and transcripts. */
    final com.sun.net.httpserver.HttpServer media;
    final List<String> mediaRequests = new java.util.concurrent.CopyOnWriteArrayList<>();
    final LocalRuntime runtime;
    final Api api;

    private RagSourcesRuntime() throws IOException {
        openai = new ProviderStandIn(ProviderStandIn.Dialect.OPENAI);
        media = mediaStandIn();
        runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(KEY)
                .setting("LUNA_OPENAI_API_KEY", "sk-standin-openai").setting("LUNA_OPENAI_BASE_URL", openai.baseUrl())
                .setting("LUNA_RAG_GIT_ALLOW_LOCAL", "true").setting("LUNA_RAG_GIT_ALLOW_PRIVATE_HOSTS", "true")
                .setting("LUNA_RAG_GIT_TOKEN_STANDIN_TOKEN", TOKEN)
                .setting("LUNA_RAG_MEDIA_DESCRIPTIONS", "openai")
                .setting("LUNA_RAG_MEDIA_BASE_URL", "http://127.0.0.1:" + media.getAddress().getPort() + "/v1")
                .start();
        api = new Api(runtime.baseUri(), KEY);
    }

    static synchronized RagSourcesRuntime get() {
        if (instance == null) {
            try {
                instance = new RagSourcesRuntime();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            var started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.runtime.close();
                started.openai.close();
                started.media.stop(0);
            }));
        }
        return instance;
    }

    /**
     * Answers {@code /v1/chat/completions} with an image part as OpenAI does (a caption naming the picture's size in
     * bytes, so the test sees the image arrived whole), and {@code /v1/audio/transcriptions} for WAV files (anything
     * else gets OpenAI's 400 for an unsupported file).
     */
    private com.sun.net.httpserver.HttpServer mediaStandIn() throws IOException {
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 8);
        server.createContext("/v1/", ex -> {
            try (ex) {
                byte[] body = ex.getRequestBody().readAllBytes();
                String path = ex.getRequestURI().getPath();
                String auth = ex.getRequestHeaders().getFirst("Authorization");
                mediaRequests.add(path);
                String answer;
                int status = 200;
                if (!"Bearer sk-standin-openai".equals(auth)) {
                    status = 401;
                    answer = "{\"error\":{\"message\":\"bad key\"}}";
                } else if (path.equals("/v1/chat/completions")) {
                    var req = Json.tree(new String(body, java.nio.charset.StandardCharsets.UTF_8));
                    String url = req.get("messages").get(0).get("content").get(1).get("image_url").get("url").asString();
                    int size = Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)).length;
                    answer = Json.write(Map.of("id", "chatcmpl-media", "object", "chat.completion", "model", req.get("model").asString() + "-2026",
                            "choices", List.of(Map.of("index", 0, "finish_reason", "stop", "message", Map.of("role", "assistant",
                                    "content", "A black architecture diagram placeholder of " + size + " bytes, no labels."))),
                            "usage", Map.of("prompt_tokens", 90, "completion_tokens", 12, "total_tokens", 102)));
                } else if (path.equals("/v1/audio/transcriptions")) {
                    String text = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
                    boolean wav = text.contains("name=\"file\"; filename=\"door-chime.wav\"") && text.contains("RIFF") && text.contains("whisper-1");
                    status = wav ? 200 : 400;
                    answer = wav ? "{\"text\":\"Ding dong, the door is open.\"}"
                            : "{\"error\":{\"message\":\"Invalid file format.\",\"type\":\"invalid_request_error\"}}";
                } else {
                    status = 404;
                    answer = "{}";
                }
                byte[] out = answer.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(status, out.length);
                ex.getResponseBody().write(out);
            }
        });
        server.start();
        return server;
    }

    static String project(Api on) {
        var r = on.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("rag-src") + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.data().get("id").asString();
    }

    Api.Response index(String project, Map<String, Object> source) {
        return api.post("/api/v1/rag/index", Json.write(Map.of("projectId", project, "source", source)));
    }

    /** The job once it ended (this runtime runs jobs from the queue, as in AWS: poll the status link). */
    static JsonNode job(Api on, Api.Response accepted) {
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String link = accepted.json().get("links").get("status").asString();
        var r = Await.until(() -> on.get(link), x -> x.status() == 200 && List.of("succeeded", "failed").contains(x.data().get("status").asString()),
                "index job " + link + " to end");
        return r.data();
    }

    static List<String> paths(Api on, String project, String query) {
        var r = on.post("/api/v1/rag/query", Json.write(Map.of("projectId", project, "query", query, "mode", "keyword", "topK", 50)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        var out = new ArrayList<String>();
        r.data().get("contexts").forEach(c -> out.add(c.get("path").asString()));
        return out;
    }
}
