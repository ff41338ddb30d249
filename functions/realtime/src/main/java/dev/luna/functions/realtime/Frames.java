package dev.luna.functions.realtime;

import dev.luna.core.ErrorCode;
import dev.luna.core.Json;
import dev.luna.realtime.LiveEvent;
import dev.luna.realtime.LiveEventKind;
import dev.luna.realtime.LiveFilter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The server's messages of the live protocol ({@code luna.v1}), the same locally and on API Gateway. */
public final class Frames {
    public static final String PROTOCOL = "luna.v1";

    private Frames() {
    }

    public static String of(String type, String id, Map<String, Object> fields) {
        var f = new LinkedHashMap<String, Object>();
        f.put("type", type);
        if (id != null) f.put("id", id);
        f.putAll(fields);
        return Json.write(f);
    }

    public static String connected() {
        return of("connected", null, Map.of("protocol", PROTOCOL));
    }

    public static String error(String id, ErrorCode code, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("code", code.name());
        body.put("message", message);
        return of("error", id, body);
    }

    /** The acknowledgement of a subscription: what it follows, the stream's last sequence, whether history covered {@code since}. */
    public static String subscribed(String id, LiveFilter filter, long lastSeq, boolean historyComplete, long firstAvailable) {
        var ack = new LinkedHashMap<String, Object>();
        ack.put("projectId", filter.projectId());
        ack.put("events", filter.kinds().stream().map(LiveEventKind::wire).sorted().toList());
        if (filter.subject() != null) ack.put("subject", filter.subject());
        ack.put("lastSeq", lastSeq);
        ack.put("historyComplete", historyComplete);
        if (!historyComplete) ack.put("firstAvailableSeq", firstAvailable);
        return of("subscribed", id, ack);
    }

    /** The start of {@link #event(String, LiveEvent)} for subscription {@code id}, as UTF-8 (made once per subscription). */
    public static byte[] eventPrefix(String id) {
        return ("{\"type\":\"event\",\"id\":" + Json.write(id) + ",\"event\":").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * {@link #event(String, LiveEvent)} as UTF-8 from a subscription's {@link #eventPrefix prefix} and the event's JSON
     * bytes, serialised once per event: per subscriber this only copies bytes.
     */
    public static java.nio.ByteBuffer event(byte[] prefix, LiveEvent event) {
        byte[] body = event.toJsonBytes();
        var frame = java.nio.ByteBuffer.allocate(prefix.length + body.length + 1);
        frame.put(prefix).put(body).put((byte) '}').flip();
        return frame;
    }

    public static String event(String id, LiveEvent event) {
        return "{\"type\":\"event\",\"id\":" + Json.write(id) + ",\"event\":" + event.toJson() + "}";
    }
}
