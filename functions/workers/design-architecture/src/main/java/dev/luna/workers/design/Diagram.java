package dev.luna.workers.design;

/** One generated Mermaid diagram: its file under {@code diagrams/}, the heading and intro it gets in architecture.md, its source. */
record Diagram(String file, String heading, String intro, String source) {
}
