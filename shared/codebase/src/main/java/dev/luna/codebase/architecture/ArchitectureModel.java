package dev.luna.codebase.architecture;

import dev.luna.codebase.manifest.Module;
import java.util.List;

/**
 * The architecture recovered from one {@link dev.luna.codebase.ProjectModel}: what it is made of, how the parts
 * depend on each other, where the layering or the acyclic-dependencies principle is broken, and what outside systems
 * it reaches. Every list is sorted; nothing holds an absolute path or a literal value from the source.
 *
 * @param containers build modules (a single root module when the build declares none), sorted by root
 * @param components packages and source directories outside tests, sorted by id
 * @param edges      component dependencies, sorted by from, to
 * @param cycles     dependency cycles, largest first, then by first component
 * @param violations dependencies that point up the layers, sorted by from, to
 * @param externals  external systems, sorted by kind, id
 * @param metrics    per component, in component order
 * @param types      top-level Java types by size and coupling, sorted by type
 * @param flows      request flows of the endpoints, in endpoint order
 */
public record ArchitectureModel(List<Module> containers, List<Component> components, List<ComponentEdge> edges, List<Cycle> cycles,
                                List<LayerViolation> violations, List<ExternalSystem> externals, List<Metrics> metrics,
                                List<TypeMetrics> types, List<RequestFlow> flows) {
    public ArchitectureModel {
        containers = List.copyOf(containers);
        components = List.copyOf(components);
        edges = List.copyOf(edges);
        cycles = List.copyOf(cycles);
        violations = List.copyOf(violations);
        externals = List.copyOf(externals);
        metrics = List.copyOf(metrics);
        types = List.copyOf(types);
        flows = List.copyOf(flows);
    }

    /** The component of that id, or null. */
    public Component component(String id) {
        for (var c : components) if (c.id().equals(id)) return c;
        return null;
    }
}
