package dev.luna.tasks;

/** A file a task wrote to S3 (bucket {@code artifacts}), by name. */
public record Artifact(String name, String key, String contentType, long bytes) {
}
