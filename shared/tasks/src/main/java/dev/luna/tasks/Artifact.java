package dev.luna.tasks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A file a task wrote to S3 (bucket {@code artifacts}, key {@code tasks/<id>/artifacts/<name>}), by name; {@code sha256}
 * is the hex SHA-256 of its bytes.
 */
public record Artifact(String name, String key, String contentType, long bytes, String sha256) {
    /** The API link that downloads a task's artifact: {@code GET /api/v1/tasks/{id}/artifacts/{name}}, each segment encoded. */
    public static String href(String taskId, String name) {
        var sb = new StringBuilder("/api/v1/tasks/").append(taskId).append("/artifacts");
        for (String segment : name.split("/")) sb.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        return sb.toString();
    }
}
