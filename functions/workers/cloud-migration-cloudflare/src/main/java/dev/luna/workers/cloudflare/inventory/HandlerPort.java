package dev.luna.workers.cloudflare.inventory;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides whether a JavaScript/TypeScript route handler is simple enough to port as is: its whole body answers a
 * literal ({@code res.json({…})}, {@code res.status(201).json([…])}, Fastify's {@code return {…}}), with no identifier
 * in it. Anything else is proxied to the origin (never guessed).
 */
final class HandlerPort {
    private static final JsonMapper LENIENT = JsonMapper.builder().enable(JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES,
            JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_TRAILING_COMMA).build();
    private static final Pattern EXPRESS = Pattern.compile(
            "\\([^()]*\\)\\s*=>\\s*\\{?\\s*(?:return\\s+)?res(?:\\.status\\(\\s*(\\d{3})\\s*\\))?\\.(?:json|send)\\(\\s*(.*?)\\s*\\)\\s*;?\\s*}?\\s*\\)\\s*;?\\s*$",
            Pattern.DOTALL);
    private static final Pattern FASTIFY = Pattern.compile("\\([^()]*\\)\\s*=>\\s*(?:\\{\\s*return\\s+(.*?)\\s*;?\\s*}|\\(\\s*(.*?)\\s*\\))\\s*\\)\\s*;?\\s*$",
            Pattern.DOTALL);

    record Ported(String json, int status) {
    }

    private HandlerPort() {
    }

    /** The ported answer of the handler whose declaration is {@code text}, or null. */
    static Ported port(String framework, String text) {
        if (text == null || text.length() > 4000) return null;
        String f = framework.toLowerCase(Locale.ROOT);
        if (f.equals("express")) {
            Matcher m = EXPRESS.matcher(text);
            if (!m.find()) return null;
            String json = literal(m.group(2));
            return json == null ? null : new Ported(json, m.group(1) == null ? 200 : Integer.parseInt(m.group(1)));
        }
        if (f.equals("fastify")) {
            Matcher m = FASTIFY.matcher(text);
            if (!m.find()) return null;
            String json = literal(m.group(1) != null ? m.group(1) : m.group(2));
            return json == null ? null : new Ported(json, 200);
        }
        return null;
    }

    private static String literal(String source) {
        if (source == null || source.isBlank() || !(source.startsWith("{") || source.startsWith("[") || source.startsWith("'") || source.startsWith("\""))) return null;
        try {
            JsonNode node = LENIENT.readTree(source);
            return node == null ? null : dev.luna.core.Json.write(node);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
