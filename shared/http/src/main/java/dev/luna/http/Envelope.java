package dev.luna.http;

import dev.luna.core.ErrorCode;
import dev.luna.core.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The response envelopes of the API contract. */
public final class Envelope {
    public static final String API_VERSION = "v1";

    private Envelope() {
    }

    public static String success(Object data, String requestId, Instant now, String self, String next) {
        return success(data, requestId, now, self, next, Map.of());
    }

    public static String success(Object data, String requestId, Instant now, String self, String next, Map<String, String> extraLinks) {
        var meta = new LinkedHashMap<String, Object>();
        meta.put("requestId", requestId);
        meta.put("timestamp", now.toString());
        meta.put("version", API_VERSION);
        var links = new LinkedHashMap<String, Object>();
        links.put("self", self);
        if (next != null) links.put("next", next);
        links.putAll(extraLinks);
        var body = new LinkedHashMap<String, Object>();
        body.put("data", data);
        body.put("meta", meta);
        body.put("links", links);
        return Json.write(body);
    }

    public static String error(ErrorCode code, String message, Object details, String requestId, Instant now) {
        var error = new LinkedHashMap<String, Object>();
        error.put("code", code.name());
        error.put("message", message);
        error.put("details", details == null ? Map.of() : details);
        error.put("requestId", requestId);
        error.put("timestamp", now.toString());
        return Json.write(Map.of("error", error));
    }
}
