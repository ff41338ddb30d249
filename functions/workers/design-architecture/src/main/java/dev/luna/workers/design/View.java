package dev.luna.workers.design;

/** The diagrams a task can ask for ({@code options.views}); the dependency flowchart is always drawn. */
enum View {
    CONTEXT("context"), CONTAINER("container"), COMPONENT("component"), DEPLOYMENT("deployment"), SEQUENCE("sequence");

    final String wire;

    View(String wire) {
        this.wire = wire;
    }

    static View of(String wire) {
        for (var v : values()) if (v.wire.equals(wire)) return v;
        return null;
    }
}
