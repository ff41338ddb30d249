package dev.luna.tasks;

/**
 * A file a task wrote to S3 (bucket {@code artifacts}, key {@code tasks/<id>/artifacts/<name>}), by name; {@code sha256}
 * is the hex SHA-256 of its bytes.
 */
public record Artifact(String name, String key, String contentType, long bytes, String sha256) {
}
