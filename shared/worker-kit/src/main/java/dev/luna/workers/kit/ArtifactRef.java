package dev.luna.workers.kit;

/** An artifact as a task's result lists it: what it is, its size and SHA-256, and the link that downloads it. */
public record ArtifactRef(String name, String contentType, long bytes, String sha256, String href) {
}
