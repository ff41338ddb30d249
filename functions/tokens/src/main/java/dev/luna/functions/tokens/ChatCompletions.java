package dev.luna.functions.tokens;

import dev.luna.core.ErrorCode;
import dev.luna.core.Json;
import dev.luna.core.LunaException;
import dev.luna.core.ValidationException;
import dev.luna.core.Violation;
import dev.luna.llm.Capability;
import dev.luna.llm.ChatCall;
import dev.luna.llm.ChatMessage;
import dev.luna.llm.ChatResult;
import dev.luna.llm.Complexity;
import dev.luna.llm.ProviderSelection;
import dev.luna.llm.Strategy;
import dev.luna.llm.UsageContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAI chat-completions wire format: parses a request into a gateway {@link ChatCall}, renders a
 * {@link ChatResult} as a {@code chat.completion} object or as the SSE stream of {@code chat.completion.chunk}s an
 * OpenAI SDK reads ({@code data: {...}} events, a final chunk with {@code finish_reason}, the usage chunk when
 * {@code stream_options.include_usage} is set, then {@code data: [DONE]}). Luna's routing wishes travel in an
 * optional {@code luna} object (or {@code X-Luna-*} headers); Luna's answer adds a {@code luna} object (provider,
 * route and reason, cost, attempts, failovers, offline) that OpenAI SDKs ignore.
 */
final class ChatCompletions {
    /** Fields accepted and used. */
    private static final Set<String> USED = Set.of("model", "messages", "max_tokens", "max_completion_tokens", "temperature", "top_p",
            "stream", "stream_options", "stop", "response_format", "n", "luna");
    /** OpenAI fields accepted and ignored (they change nothing Luna's providers are asked). */
    private static final Set<String> IGNORED = Set.of("user", "seed", "presence_penalty", "frequency_penalty", "metadata", "store",
            "service_tier", "parallel_tool_calls", "reasoning_effort");
    /** OpenAI fields refused: silently ignoring them would change what the caller gets. */
    private static final Set<String> UNSUPPORTED = Set.of("tools", "tool_choice", "functions", "function_call", "logprobs",
            "top_logprobs", "logit_bias", "audio", "modalities", "prediction", "web_search_options");
    private static final Set<String> LUNA_FIELDS = Set.of("strategy", "complexity", "taskType", "agentId", "taskId",
            "costBudgetUsd", "maxLatencyMs", "provider", "fallbacks", "capabilities", "optimized");

    /** A parsed request: the call, and the response options. */
    record Request(ChatCall call, boolean stream, boolean includeUsage, String requestedModel) {
    }

    static Request parse(String body, String projectId, String apiKeyId, Map<String, String> lunaHeaders, String requestId) {
        JsonNode root;
        try {
            root = Json.tree(body == null ? "" : body);
        } catch (RuntimeException e) {
            throw new LunaException(ErrorCode.MALFORMED_JSON, "Request body is not valid JSON");
        }
        if (root == null || !root.isObject()) throw new LunaException(ErrorCode.MALFORMED_JSON, "Request body must be a JSON object");
        var v = new ArrayList<Violation>();
        for (var e : root.properties()) {
            String f = e.getKey();
            if (UNSUPPORTED.contains(f)) v.add(new Violation(f, "is not supported by Luna's gateway (yet)"));
            else if (!USED.contains(f) && !IGNORED.contains(f)) v.add(new Violation(f, "is not a known field"));
        }
        String model = text(root, "model", v);
        var messages = messages(root.get("messages"), v);
        Integer maxTokens = integer(root, "max_completion_tokens", v);
        if (maxTokens == null) maxTokens = integer(root, "max_tokens", v);
        Double temperature = number(root, "temperature", v);
        Double topP = number(root, "top_p", v);
        boolean stream = bool(root, "stream", v);
        boolean includeUsage = false;
        JsonNode so = root.get("stream_options");
        if (so != null && !so.isNull()) {
            if (!so.isObject()) v.add(new Violation("stream_options", "must be an object"));
            else {
                includeUsage = so.path("include_usage").asBoolean(false);
                if (!stream) v.add(new Violation("stream_options", "is only allowed when stream is true"));
            }
        }
        Integer n = integer(root, "n", v);
        if (n != null && n != 1) v.add(new Violation("n", "must be 1 (one choice per request)"));
        var stop = new ArrayList<String>();
        JsonNode s = root.get("stop");
        if (s != null && !s.isNull()) {
            if (s.isString()) stop.add(s.asString());
            else if (s.isArray()) s.forEach(x -> {
                if (x.isString()) stop.add(x.asString());
                else v.add(new Violation("stop", "must be a string or an array of strings"));
            });
            else v.add(new Violation("stop", "must be a string or an array of strings"));
        }
        boolean json = false;
        JsonNode rf = root.get("response_format");
        if (rf != null && !rf.isNull()) {
            String type = rf.path("type").asString("");
            switch (type) {
                case "text" -> { }
                case "json_object" -> json = true;
                case "json_schema" -> v.add(new Violation("response_format.type", "json_schema is not supported yet; use json_object"));
                default -> v.add(new Violation("response_format.type", "must be text or json_object"));
            }
        }
        var luna = root.get("luna");
        if (luna != null && !luna.isNull() && !luna.isObject()) v.add(new Violation("luna", "must be an object"));
        var l = new LinkedHashMap<String, JsonNode>();
        if (luna != null && luna.isObject()) {
            for (var e : luna.properties()) {
                if (!LUNA_FIELDS.contains(e.getKey())) v.add(new Violation("luna." + e.getKey(), "is not a known field"));
                else l.put(e.getKey(), e.getValue());
            }
        }
        lunaHeaders.forEach((k, val) -> l.putIfAbsent(k, Json.mapper().getNodeFactory().stringNode(val)));
        Strategy strategy = null;
        if (l.containsKey("strategy")) {
            strategy = Strategy.fromWire(l.get("strategy").asString(""));
            if (strategy == null) v.add(new Violation("luna.strategy", "must be cheapest-capable, fastest or pinned"));
        }
        Complexity complexity = null;
        if (l.containsKey("complexity")) {
            complexity = Complexity.fromWire(l.get("complexity").asString(""));
            if (complexity == null) v.add(new Violation("luna.complexity", "must be simple, medium or complex"));
        }
        BigDecimal costBudget = null;
        if (l.containsKey("costBudgetUsd")) {
            var c = l.get("costBudgetUsd");
            if (!c.isNumber()) v.add(new Violation("luna.costBudgetUsd", "must be a number"));
            else costBudget = c.decimalValue();
        }
        Integer maxLatency = null;
        if (l.containsKey("maxLatencyMs")) {
            var c = l.get("maxLatencyMs");
            if (!c.isIntegralNumber() || c.asLong() < 1 || c.asLong() > 900_000) v.add(new Violation("luna.maxLatencyMs", "must be an integer between 1 and 900000"));
            else maxLatency = c.asInt();
        }
        var caps = EnumSet.noneOf(Capability.class);
        if (l.containsKey("capabilities")) {
            for (var c : l.get("capabilities")) {
                var cap = Capability.fromWire(c.asString(""));
                if (cap == null) v.add(new Violation("luna.capabilities", "values must be tools, vision, json or streaming"));
                else caps.add(cap);
            }
        }
        List<String> fallbacks = null;
        if (l.containsKey("fallbacks")) {
            if (!l.get("fallbacks").isArray() || l.get("fallbacks").size() > 5) v.add(new Violation("luna.fallbacks", "must be an array of at most 5 model ids"));
            else {
                fallbacks = new ArrayList<>();
                for (var f : l.get("fallbacks")) fallbacks.add(f.asString(""));
            }
        }
        String agentId = str(l, "agentId", v, 64);
        String taskId = str(l, "taskId", v, 128);
        String taskType = str(l, "taskType", v, 64);
        String provider = str(l, "provider", v, 32);
        boolean optimized = l.containsKey("optimized") && l.get("optimized").asBoolean(false);
        if (!v.isEmpty()) throw new ValidationException(v);

        var performance = maxLatency == null && caps.isEmpty() ? null : new ProviderSelection.Performance(maxLatency, null, caps);
        var selection = new ProviderSelection(taskType, complexity, costBudget, performance, strategy, provider, model, fallbacks);
        var context = new UsageContext(projectId, agentId, taskId, apiKeyId, taskType, optimized, requestId);
        var call = new ChatCall(messages, maxTokens, temperature, topP, stop, json, selection, context);
        return new Request(call, stream, includeUsage, model);
    }

    private static List<ChatMessage> messages(JsonNode node, List<Violation> v) {
        var out = new ArrayList<ChatMessage>();
        if (node == null || node.isNull()) {
            v.add(new Violation("messages", "is required"));
            return out;
        }
        if (!node.isArray()) {
            v.add(new Violation("messages", "must be an array"));
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode m = node.get(i);
            String at = "messages[" + i + "]";
            if (!m.isObject()) {
                v.add(new Violation(at, "must be an object"));
                continue;
            }
            for (var e : m.properties()) {
                if (!Set.of("role", "content", "name").contains(e.getKey())) {
                    v.add(new Violation(at + "." + e.getKey(), e.getKey().equals("tool_calls") ? "is not supported by Luna's gateway (yet)" : "is not a known field"));
                }
            }
            String roleText = m.path("role").asString(null);
            var role = roleText == null ? null : ChatMessage.Role.fromWire(roleText);
            if (role == null) {
                v.add(new Violation(at + ".role", roleText == null ? "is required" : "must be system, developer, user or assistant"));
                continue;
            }
            JsonNode c = m.get("content");
            String content;
            if (c == null || c.isNull()) {
                v.add(new Violation(at + ".content", "is required"));
                continue;
            } else if (c.isString()) {
                content = c.asString();
            } else if (c.isArray()) {
                var sb = new StringBuilder();
                boolean ok = true;
                for (var part : c) {
                    if (!"text".equals(part.path("type").asString("")) || !part.path("text").isString()) {
                        v.add(new Violation(at + ".content", "parts must be {\"type\": \"text\", \"text\": ...}; image and audio input are not supported yet"));
                        ok = false;
                        break;
                    }
                    sb.append(part.get("text").asString());
                }
                if (!ok) continue;
                content = sb.toString();
            } else {
                v.add(new Violation(at + ".content", "must be a string or an array of text parts"));
                continue;
            }
            out.add(new ChatMessage(role, content));
        }
        return out;
    }

    private static String text(JsonNode root, String f, List<Violation> v) {
        var n = root.get(f);
        if (n == null || n.isNull()) return null;
        if (!n.isString() || n.asString().isBlank() || n.asString().length() > 200) {
            v.add(new Violation(f, "must be a model id (1 to 200 characters) or \"auto\""));
            return null;
        }
        return n.asString();
    }

    private static Integer integer(JsonNode root, String f, List<Violation> v) {
        var n = root.get(f);
        if (n == null || n.isNull()) return null;
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 1 || n.asLong() > 10_000_000) {
            v.add(new Violation(f, "must be a positive integer"));
            return null;
        }
        return n.asInt();
    }

    private static Double number(JsonNode root, String f, List<Violation> v) {
        var n = root.get(f);
        if (n == null || n.isNull()) return null;
        if (!n.isNumber()) {
            v.add(new Violation(f, "must be a number"));
            return null;
        }
        return n.asDouble();
    }

    private static boolean bool(JsonNode root, String f, List<Violation> v) {
        var n = root.get(f);
        if (n == null || n.isNull()) return false;
        if (!n.isBoolean()) {
            v.add(new Violation(f, "must be true or false"));
            return false;
        }
        return n.asBoolean();
    }

    private static String str(Map<String, JsonNode> l, String f, List<Violation> v, int max) {
        var n = l.get(f);
        if (n == null || n.isNull()) return null;
        if (!n.isString() || n.asString().isBlank() || n.asString().length() > max) {
            v.add(new Violation("luna." + f, "must be a string of 1 to " + max + " characters"));
            return null;
        }
        return n.asString();
    }

    // --- answers --------------------------------------------------------------------------------------------

    static Map<String, Object> completion(ChatResult r) {
        var message = new LinkedHashMap<String, Object>();
        message.put("role", "assistant");
        message.put("content", r.text());
        message.put("refusal", null);
        var choice = new LinkedHashMap<String, Object>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("logprobs", null);
        choice.put("finish_reason", r.finishReason());
        var out = head(r, "chat.completion");
        out.put("choices", List.of(choice));
        out.put("usage", usage(r));
        out.put("luna", luna(r));
        return out;
    }

    /** The SSE body of a streamed answer, one chunk per piece the provider(s) streamed. */
    static String sse(ChatResult r, List<String> pieces, boolean includeUsage) {
        var sb = new StringBuilder();
        event(sb, chunk(r, Map.of("role", "assistant", "content", ""), null));
        for (String p : pieces) event(sb, chunk(r, Map.of("content", p), null));
        var last = chunk(r, Map.of(), r.finishReason());
        last.put("luna", luna(r));
        event(sb, last);
        if (includeUsage) {
            var u = head(r, "chat.completion.chunk");
            u.put("choices", List.of());
            u.put("usage", usage(r));
            event(sb, u);
        }
        sb.append("data: [DONE]\n\n");
        return sb.toString();
    }

    /** The SSE body when the answer broke after output was sent and no fallback could finish it. */
    static String sseError(String id, String model, long created, List<String> pieces, LunaException e) {
        var sb = new StringBuilder();
        for (String p : pieces) {
            var c = new LinkedHashMap<String, Object>();
            c.put("id", id);
            c.put("object", "chat.completion.chunk");
            c.put("created", created);
            c.put("model", model);
            c.put("choices", List.of(choiceDelta(Map.of("content", p), null)));
            event(sb, c);
        }
        var err = new LinkedHashMap<String, Object>();
        err.put("message", e.getMessage());
        err.put("type", "server_error");
        err.put("code", e.code().name());
        event(sb, Map.of("error", err));
        return sb.toString();
    }

    private static LinkedHashMap<String, Object> chunk(ChatResult r, Map<String, Object> delta, String finish) {
        var c = head(r, "chat.completion.chunk");
        c.put("choices", List.of(choiceDelta(delta, finish)));
        return c;
    }

    private static Map<String, Object> choiceDelta(Map<String, Object> delta, String finish) {
        var choice = new LinkedHashMap<String, Object>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("logprobs", null);
        choice.put("finish_reason", finish);
        return choice;
    }

    private static LinkedHashMap<String, Object> head(ChatResult r, String object) {
        var out = new LinkedHashMap<String, Object>();
        out.put("id", "chatcmpl-" + r.id());
        out.put("object", object);
        out.put("created", r.created().getEpochSecond());
        out.put("model", r.model());
        out.put("system_fingerprint", "luna-" + r.provider());
        return out;
    }

    private static Map<String, Object> usage(ChatResult r) {
        var u = new LinkedHashMap<String, Object>();
        u.put("prompt_tokens", r.usage().inputTokens());
        u.put("completion_tokens", r.usage().outputTokens());
        u.put("total_tokens", r.usage().totalTokens());
        u.put("prompt_tokens_details", Map.of("cached_tokens", r.usage().cachedInputTokens()));
        return u;
    }

    static Map<String, Object> luna(ChatResult r) {
        var l = new LinkedHashMap<String, Object>();
        l.put("provider", r.provider());
        l.put("model", r.model());
        l.put("offline", r.offline());
        l.put("costUsd", r.costUsd());
        l.put("usageEstimated", r.usage().estimated());
        l.put("cacheWriteTokens", r.usage().cacheWriteTokens());
        l.put("route", r.route());
        l.put("attempts", r.attempts());
        l.put("failovers", r.failovers());
        l.put("gatewayOverheadMs", r.overheadMicros() / 1000.0);
        return l;
    }

    private static void event(StringBuilder sb, Object data) {
        sb.append("data: ").append(Json.write(data)).append("\n\n");
    }
}
