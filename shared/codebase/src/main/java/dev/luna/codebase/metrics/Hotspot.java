package dev.luna.codebase.metrics;

/** A function among the project's most complex ones. */
public record Hotspot(String file, String language, String function, int startLine, int endLine, int complexity, int lines) {
}
