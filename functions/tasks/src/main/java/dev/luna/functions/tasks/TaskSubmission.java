package dev.luna.functions.tasks;

import dev.luna.core.IdFormat;
import dev.luna.core.Json;
import dev.luna.core.Violations;
import dev.luna.tasks.Priority;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST /api/v1/tasks}, and of a message on the submission queue.
 *
 * @param priority   1-5 or critical, high, normal, low, background (default normal)
 * @param agentId    run on this agent; otherwise routed to a running agent whose capabilities include the type
 * @param cache      false to skip the result cache (default true: an identical submission within 24 h returns
 *                   the cached result)
 * @param webhookUrl POSTed the task, signed, when it ends
 */
public record TaskSubmission(String type, JsonNode priority, JsonNode payload, String agentId, String webhookUrl, Boolean cache) {
    /** SQS's message limit, and a sane bound for a DynamoDB item. */
    static final int MAX_PAYLOAD_BYTES = 256 * 1024;
    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** Field rules that need no lookup; the payload's size is checked first ({@code PAYLOAD_TOO_LARGE}). */
    Priority validate(boolean allowPrivateWebhooks) {
        if (payload != null && Json.writeBytes(payload).length > MAX_PAYLOAD_BYTES) {
            throw new dev.luna.core.LunaException(dev.luna.core.ErrorCode.PAYLOAD_TOO_LARGE,
                    "Task payload exceeds " + MAX_PAYLOAD_BYTES + " bytes; put large inputs in S3 and pass their keys",
                    java.util.Map.of("limitBytes", MAX_PAYLOAD_BYTES));
        }
        var v = new Violations();
        if (v.required(type, "type")) v.text(type, "type", 64, TYPE, "must be a task type name like code-analysis");
        if (payload == null || payload.isNull()) v.add("payload", "is required");
        else if (!payload.isObject()) v.add("payload", "must be a JSON object");
        Priority p = Priority.NORMAL;
        if (priority != null && !priority.isNull()) {
            var parsed = priority.isIntegralNumber() ? Priority.parse(Integer.toString(priority.asInt()))
                    : priority.isString() ? Priority.parse(priority.asString()) : java.util.Optional.<Priority>empty();
            if (parsed.isEmpty()) v.add("priority", "must be " + Priority.CHOICES);
            else p = parsed.get();
        }
        if (agentId != null && !IdFormat.AGENT.matches(agentId)) v.add("agentId", "must be " + IdFormat.AGENT.description());
        if (webhookUrl != null) checkWebhook(webhookUrl, allowPrivateWebhooks, v);
        v.throwIfAny();
        return p;
    }

    boolean useCache() {
        return cache == null || cache;
    }

    private static void checkWebhook(String url, boolean allowPrivate, Violations v) {
        if (url.length() > 2048) {
            v.add("webhookUrl", "must be at most 2048 characters");
            return;
        }
        try {
            var uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                v.add("webhookUrl", "must be an http(s) URL");
            } else if (uri.getHost() == null || uri.getHost().isBlank()) {
                v.add("webhookUrl", "must name a host");
            } else if (uri.getUserInfo() != null) {
                v.add("webhookUrl", "must not carry credentials");
            } else if (!allowPrivate && dev.luna.core.PrivateHosts.isPrivate(uri.getHost())) {
                v.add("webhookUrl", "must not point at a loopback, private or link-local address");
            }
        } catch (URISyntaxException e) {
            v.add("webhookUrl", "is not a valid URL");
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
