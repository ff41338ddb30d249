package dev.luna.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.luna.core.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * A local stand-in for a model provider's HTTP API, speaking its real JSON and SSE formats: OpenAI chat
 * completions ({@code stream_options.include_usage}, {@code prompt_tokens_details.cached_tokens}), DeepSeek (the
 * same, with {@code prompt_cache_hit_tokens}), Anthropic messages (its SSE event types, {@code cache_read_input_tokens}),
 * Gemini {@code generateContent} / {@code streamGenerateContent?alt=sse} ({@code cachedContentTokenCount}).
 * Faults are scripted per request: status codes with {@code Retry-After}, slow answers, streams cut mid-way
 * (cleanly, or abruptly before the announced length), malformed JSON.
 */
public final class ProviderStandIn implements AutoCloseable {
    public enum Dialect { OPENAI, DEEPSEEK, ANTHROPIC, GEMINI }

    /** What the next request gets. */
    public sealed interface Fault {
        record Status(int code, String retryAfter) implements Fault {
        }

        record Slow(long millis) implements Fault {
        }

        /** The stream stops after {@code chunks} content chunks; {@code abrupt} breaks the connection mid-body. */
        record Cut(int chunks, boolean abrupt) implements Fault {
        }

        record Malformed() implements Fault {
        }

        /** Anthropic/OpenAI in-stream error event after {@code chunks} chunks. */
        record ErrorEvent(int chunks) implements Fault {
        }
    }

    /** The usage the stand-in reports: total prompt tokens, cached (read) tokens, cache-write tokens, output tokens. */
    public record Reported(int prompt, int cached, int cacheWrite, int output) {
    }

    private final HttpServer server;
    private final Dialect dialect;
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    public final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
    public final AtomicInteger arrivals = new AtomicInteger();
    public volatile String text = "Hello from the stand-in, in five pieces.";
    public volatile Reported usage = new Reported(42, 10, 0, 9);
    volatile boolean reportUsage = true;
    volatile long delayMillis;
    /** When set, every request waits for it before answering (the budget race). */
    public volatile CountDownLatch gate;

    public ProviderStandIn(Dialect dialect) {
        this.dialect = dialect;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL the adapter is configured with. */
    public String baseUrl() {
        String root = "http://127.0.0.1:" + server.getAddress().getPort();
        return switch (dialect) {
            case OPENAI, DEEPSEEK -> root + "/v1";
            case ANTHROPIC -> root + "/v1/";
            case GEMINI -> root + "/v1beta";
        };
    }

    public ProviderStandIn enqueue(Fault... f) {
        faults.addAll(List.of(f));
        return this;
    }

    public void reset() {
        faults.clear();
        requests.clear();
        headers.clear();
        arrivals.set(0);
        text = "Hello from the stand-in, in five pieces.";
        usage = new Reported(42, 10, 0, 9);
        reportUsage = true;
        delayMillis = 0;
        gate = null;
    }

    /** Content pieces of {@link #text}: words with their leading space. */
    public List<String> pieces() {
        var out = new ArrayList<String>();
        int start = 0;
        String t = text;
        for (int i = 1; i <= t.length(); i++) {
            if (i == t.length() || t.charAt(i) == ' ') {
                out.add(t.substring(start, i));
                start = i;
            }
        }
        return out;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            arrivals.incrementAndGet();
            byte[] body = ex.getRequestBody().readAllBytes();
            JsonNode req = Json.tree(new String(body, StandardCharsets.UTF_8));
            requests.add(req);
            headers.add(Map.copyOf(ex.getRequestHeaders()));
            var g = gate;
            if (g != null) {
                try {
                    g.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (delayMillis > 0) sleep(delayMillis);
            String path = ex.getRequestURI().getPath();
            boolean stream = switch (dialect) {
                case GEMINI -> path.endsWith(":streamGenerateContent");
                default -> req.path("stream").asBoolean(false);
            };
            if (!expectedPath(path)) {
                send(ex, 404, "application/json", "{\"error\":{\"message\":\"no such endpoint " + path + "\"}}");
                return;
            }
            Fault fault = faults.poll();
            if (fault instanceof Fault.Status s) {
                if (s.retryAfter() != null) ex.getResponseHeaders().set("Retry-After", s.retryAfter());
                send(ex, s.code(), "application/json", errorBody(s.code()));
                return;
            }
            if (fault instanceof Fault.Slow slow) sleep(slow.millis());
            if (fault instanceof Fault.Malformed && !stream) {
                send(ex, 200, "application/json", "{\"id\": \"x\", \"choices\": [ {\"message\": ");
                return;
            }
            if (!stream) {
                send(ex, 200, "application/json", complete(req));
                return;
            }
            streamAnswer(ex, req, fault);
        }
    }

    private boolean expectedPath(String path) {
        return switch (dialect) {
            case OPENAI, DEEPSEEK -> path.equals("/v1/chat/completions");
            case ANTHROPIC -> path.equals("/v1/messages");
            case GEMINI -> path.startsWith("/v1beta/models/") && (path.endsWith(":generateContent") || path.endsWith(":streamGenerateContent"));
        };
    }

    private String errorBody(int code) {
        return switch (dialect) {
            case ANTHROPIC -> "{\"type\":\"error\",\"error\":{\"type\":\"" + (code == 429 ? "rate_limit_error" : code == 529 ? "overloaded_error" : "api_error")
                    + "\",\"message\":\"stand-in says " + code + "\"}}";
            case GEMINI -> "{\"error\":{\"code\":" + code + ",\"message\":\"stand-in says " + code + "\",\"status\":\"UNAVAILABLE\"}}";
            default -> "{\"error\":{\"message\":\"stand-in says " + code + "\",\"type\":\"server_error\",\"code\":null}}";
        };
    }

    private String model(JsonNode req, HttpExchange ex) {
        if (dialect == Dialect.GEMINI) {
            String p = ex.getRequestURI().getPath();
            return p.substring("/v1beta/models/".length(), p.lastIndexOf(':'));
        }
        return req.path("model").asString();
    }

    private String complete(JsonNode req) {
        var u = usage;
        String content = Json.write(text);
        return switch (dialect) {
            case OPENAI -> "{\"id\":\"chatcmpl-standin\",\"object\":\"chat.completion\",\"created\":1764201600,\"model\":\"" + req.path("model").asString()
                    + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + content + ",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}]"
                    + (reportUsage ? ",\"usage\":" + openAiUsage(u) : "") + ",\"system_fingerprint\":\"fp_standin\"}";
            case DEEPSEEK -> "{\"id\":\"standin\",\"object\":\"chat.completion\",\"created\":1764201600,\"model\":\"" + req.path("model").asString()
                    + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + content + "},\"logprobs\":null,\"finish_reason\":\"stop\"}]"
                    + (reportUsage ? ",\"usage\":" + deepSeekUsage(u) : "") + ",\"system_fingerprint\":\"fp_standin\"}";
            case ANTHROPIC -> "{\"id\":\"msg_standin\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + req.path("model").asString()
                    + "\",\"content\":[{\"type\":\"text\",\"text\":" + content + "}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null"
                    + (reportUsage ? ",\"usage\":" + anthropicUsage(u, u.output()) : "") + "}";
            case GEMINI -> "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":" + content + "}],\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],"
                    + (reportUsage ? "\"usageMetadata\":" + geminiUsage(u, u.output(), true) + "," : "") + "\"modelVersion\":\"standin\",\"responseId\":\"standin\"}";
        };
    }

    private static String openAiUsage(Reported u) {
        return "{\"prompt_tokens\":" + u.prompt() + ",\"completion_tokens\":" + u.output() + ",\"total_tokens\":" + (u.prompt() + u.output())
                + ",\"prompt_tokens_details\":{\"cached_tokens\":" + u.cached() + ",\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0}}";
    }

    private static String deepSeekUsage(Reported u) {
        return "{\"prompt_tokens\":" + u.prompt() + ",\"completion_tokens\":" + u.output() + ",\"total_tokens\":" + (u.prompt() + u.output())
                + ",\"prompt_cache_hit_tokens\":" + u.cached() + ",\"prompt_cache_miss_tokens\":" + (u.prompt() - u.cached()) + "}";
    }

    /** Anthropic's input_tokens excludes cache reads and writes. */
    private static String anthropicUsage(Reported u, int output) {
        return "{\"input_tokens\":" + (u.prompt() - u.cached() - u.cacheWrite()) + ",\"cache_creation_input_tokens\":" + u.cacheWrite()
                + ",\"cache_read_input_tokens\":" + u.cached() + ",\"output_tokens\":" + output + "}";
    }

    private static String geminiUsage(Reported u, int output, boolean cached) {
        return "{\"promptTokenCount\":" + u.prompt() + ",\"candidatesTokenCount\":" + output + ",\"totalTokenCount\":" + (u.prompt() + output)
                + (cached ? ",\"cachedContentTokenCount\":" + u.cached() : "") + "}";
    }

    private void streamAnswer(HttpExchange ex, JsonNode req, Fault fault) throws IOException {
        var pieces = pieces();
        int cutAfter = fault instanceof Fault.Cut c ? c.chunks() : fault instanceof Fault.ErrorEvent e ? e.chunks() : Integer.MAX_VALUE;
        boolean abrupt = fault instanceof Fault.Cut c && c.abrupt();
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        // an abrupt cut announces more bytes than it sends, so the client sees the connection end mid-body
        ex.sendResponseHeaders(200, abrupt ? 1_000_000 : 0);
        OutputStream out = ex.getResponseBody();
        var u = usage;
        String model = model(req, ex);
        switch (dialect) {
            case OPENAI, DEEPSEEK -> event(out, null, "{\"id\":\"chatcmpl-standin\",\"object\":\"chat.completion.chunk\",\"created\":1764201600,\"model\":\"" + model
                    + "\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}]}");
            case ANTHROPIC -> {
                event(out, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_standin\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\""
                        + model + "\",\"stop_reason\":null,\"stop_sequence\":null,\"usage\":" + anthropicUsage(u, 1) + "}}");
                event(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
                event(out, "ping", "{\"type\": \"ping\"}");
            }
            case GEMINI -> { }
        }
        for (int i = 0; i < pieces.size(); i++) {
            if (i == cutAfter) {
                if (fault instanceof Fault.ErrorEvent) {
                    if (dialect == Dialect.ANTHROPIC) {
                        event(out, "error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
                    } else {
                        event(out, null, "{\"error\":{\"message\":\"stand-in stream error\",\"type\":\"server_error\"}}");
                    }
                }
                if (fault instanceof Fault.Malformed) event(out, null, "{\"choices\": [ {\"delta\": ");
                out.flush();
                return; // closing the exchange ends the stream here, without the final event
            }
            String piece = Json.write(pieces.get(i));
            switch (dialect) {
                case OPENAI, DEEPSEEK -> event(out, null, "{\"id\":\"chatcmpl-standin\",\"object\":\"chat.completion.chunk\",\"created\":1764201600,\"model\":\""
                        + model + "\",\"choices\":[{\"index\":0,\"delta\":{\"content\":" + piece + "},\"logprobs\":null,\"finish_reason\":null}]}");
                case ANTHROPIC -> event(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":" + piece + "}}");
                case GEMINI -> {
                    boolean last = i == pieces.size() - 1;
                    event(out, null, "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":" + piece + "}],\"role\":\"model\"}"
                            + (last ? ",\"finishReason\":\"STOP\"" : "") + ",\"index\":0}]"
                            + (reportUsage ? ",\"usageMetadata\":" + geminiUsage(u, last ? u.output() : i + 1, last) : "")
                            + ",\"modelVersion\":\"standin\",\"responseId\":\"standin\"}");
                }
            }
            if (fault instanceof Fault.Malformed && i == 1) {
                event(out, null, "{\"choices\": [ {\"delta\": ");
            }
        }
        switch (dialect) {
            case OPENAI, DEEPSEEK -> {
                event(out, null, "{\"id\":\"chatcmpl-standin\",\"object\":\"chat.completion.chunk\",\"created\":1764201600,\"model\":\"" + model
                        + "\",\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}");
                boolean include = req.path("stream_options").path("include_usage").asBoolean(false);
                if (include && reportUsage) {
                    event(out, null, "{\"id\":\"chatcmpl-standin\",\"object\":\"chat.completion.chunk\",\"created\":1764201600,\"model\":\"" + model
                            + "\",\"choices\":[],\"usage\":" + (dialect == Dialect.DEEPSEEK ? deepSeekUsage(u) : openAiUsage(u)) + "}");
                }
                event(out, null, "[DONE]");
            }
            case ANTHROPIC -> {
                event(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
                event(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + u.output() + "}}");
                event(out, "message_stop", "{\"type\":\"message_stop\"}");
            }
            case GEMINI -> { }
        }
    }

    private static void event(OutputStream out, String name, String data) throws IOException {
        var sb = new StringBuilder();
        if (name != null) sb.append("event: ").append(name).append('\n');
        sb.append("data: ").append(data).append("\n\n");
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String header(int request, String name) {
        for (var e : headers.get(request).entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) return e.getValue().get(0);
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
