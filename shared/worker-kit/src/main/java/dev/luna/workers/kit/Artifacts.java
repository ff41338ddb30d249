package dev.luna.workers.kit;

import dev.luna.core.Json;
import dev.luna.tasks.Artifact;
import dev.luna.tasks.TaskContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a task's artifacts ({@link TaskContext#writeArtifact}: S3, recorded on the task as they are written, so what
 * a task wrote before a timeout stays) and keeps the list its result carries, sorted by name. Text is UTF-8 with
 * {@code \n}; JSON is pretty-printed with a final newline; zips are deterministic ({@link Zips}).
 */
public final class Artifacts {
    private final TaskContext context;
    private final Map<String, ArtifactRef> written = new TreeMap<>();

    public Artifacts(TaskContext context) {
        this.context = context;
    }

    public ArtifactRef bytes(String name, byte[] content, String contentType) {
        var stored = context.writeArtifact(name, content, contentType);
        var ref = new ArtifactRef(stored.name(), contentType, stored.bytes(), stored.sha256(), Artifact.href(context.taskId(), name));
        written.put(name, ref);
        return ref;
    }

    public ArtifactRef text(String name, String text, String contentType) {
        String normalised = text.replace("\r\n", "\n");
        if (!normalised.endsWith("\n")) normalised += "\n";
        return bytes(name, normalised.getBytes(StandardCharsets.UTF_8), contentType);
    }

    public ArtifactRef markdown(String name, String markdown) {
        return text(name, markdown, "text/markdown; charset=utf-8");
    }

    public ArtifactRef json(String name, Object value, String contentType) {
        String json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        return text(name, json, contentType);
    }

    public ArtifactRef zip(String name, Map<String, byte[]> files) {
        return bytes(name, Zips.of(files), "application/zip");
    }

    /** Every artifact written so far, sorted by name. */
    public List<ArtifactRef> all() {
        return List.copyOf(written.values());
    }
}
