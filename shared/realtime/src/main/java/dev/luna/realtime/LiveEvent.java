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
 * Immutable (its {@code data} must not be changed after publishing); its JSON is made once, however many
 * subscribers receive it.
 */
public final class LiveEvent {
    private final String projectId;
    private final long sequence;
    private final LiveEventKind kind;
    private final String subject;
    private final Instant at;
    private final JsonNode data;
    private volatile String json;
    private volatile byte[] utf8;

    public LiveEvent(String projectId, long sequence, LiveEventKind kind, String subject, Instant at, JsonNode data) {
        this.projectId = Objects.requireNonNull(projectId, "projectId");
        this.sequence = sequence;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.subject = subject;
        this.at = Objects.requireNonNull(at, "at");
        this.data = data == null ? Json.object() : data;
    }

    public static String taskSubject(String taskId) {
        return "task:" + taskId;
    }

    public static String agentSubject(String agentId) {
        return "agent:" + agentId;
    }

    public String projectId() {
        return projectId;
    }

    public long sequence() {
        return sequence;
    }

    public LiveEventKind kind() {
        return kind;
    }

    public String subject() {
        return subject;
    }

    public Instant at() {
        return at;
    }

    public JsonNode data() {
        return data;
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

    /** {@link #wire()} as JSON text, serialised once. */
    public String toJson() {
        String j = json;
        if (j == null) json = j = Json.write(wire());
        return j;
    }

    /** {@link #toJson()} as UTF-8 bytes, encoded once (every subscriber's frame copies these bytes; do not change them). */
    public byte[] toJsonBytes() {
        byte[] b = utf8;
        if (b == null) utf8 = b = toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LiveEvent e && sequence == e.sequence && projectId.equals(e.projectId) && kind == e.kind
                && Objects.equals(subject, e.subject) && at.equals(e.at) && data.equals(e.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(projectId, sequence, kind, subject, at);
    }

    @Override
    public String toString() {
        return "LiveEvent[" + kind.wire() + " #" + sequence + " " + projectId + (subject == null ? "" : " " + subject) + "]";
    }
}
