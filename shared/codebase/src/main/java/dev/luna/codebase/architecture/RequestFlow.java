package dev.luna.codebase.architecture;

import java.util.List;

/** What serving one endpoint involves: the handler, what it calls down the call graph, and the external systems reached. */
public record RequestFlow(String method, String path, String handler, Location at, List<FlowStep> steps) {
    public RequestFlow {
        steps = List.copyOf(steps);
    }
}
