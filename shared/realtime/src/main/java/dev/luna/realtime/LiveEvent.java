package dev.luna.realtime;

import dev.luna.core.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One live event of a project. {@code sequence} numbers a project's events 1, 2, 3, ... without gaps (the
 * project's event stream); a client that saw sequence {@code n} resumes with {@code since = n}. {@code subject}
 * names what the event is about, {@code task:<id>} or {@code agent:<id>} (null for project-wide events).
 */
public record LiveEvent(String projectId, long sequence, LiveEventKind kind, String subject, Instant at, JsonNode data) {
    public LiveEvent {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        data = data == null ? Json.object() : data;
    }

    public static String taskSubject(String taskId) {
        return "task:" + taskId;
    }

    public static String agentSubject(String agentId) {
        return "agent:" + agentId;
    }

    /** The event as clients receive it: {@code {"type","seq","projectId","subject","at","data"}}. */
    public Map<String, Object> wire() {
        var out = new LinkedHashMap<String, Object>();
        out.put("type", kind.wire());
        out.put("seq", sequence);
        out.put("projectId", projectId);
        if (subject != null) out.put("subject", subject);
        out.put("at", at.toString());
        out.put("data", data);
        return out;
    }

    /** {@link #wire()} as JSON text. */
    public String toJson() {
        return Json.write(wire());
    }
}
