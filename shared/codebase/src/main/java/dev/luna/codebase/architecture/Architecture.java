package dev.luna.codebase.architecture;

import dev.luna.codebase.ProjectModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Recovers the architecture of an analysed project: containers (build modules), components (packages and source
 * directories, tests left out) with their layers, the dependency graph between components with evidence, cycles with
 * the edges that close them, layer violations, external systems, coupling metrics and request flows. Reads the
 * {@link ProjectModel} and, for configuration files and script lines only, the checked-out files; nothing is executed.
 */
public final class Architecture {
    private final LayerRules layers = new LayerRules();
    private final ExternalSystems externals = new ExternalSystems();

    public ArchitectureModel recover(ProjectModel model, Path root, BooleanSupplier stop) {
        BooleanSupplier halt = stop == null ? () -> false : stop;
        var components = new Components(model, layers);
        var edges = ComponentGraph.edges(model, components);
        var ids = components.components.stream().map(Component::id).toList();
        var cycles = Cycles.find(ids, edges);
        var violations = violations(components.components, edges);
        var systems = externals.find(model, root, components.byFile, halt);
        var metrics = Measures.components(components.components, edges);
        var types = Measures.types(model.java(), components.byFile);
        var flows = new RequestFlows(model, components, systems, layers).all(model.endpoints());
        return new ArchitectureModel(components.containers, components.components, edges, cycles, violations, systems, metrics, types, flows);
    }

    private static List<LayerViolation> violations(List<Component> components, List<ComponentEdge> edges) {
        var layer = new java.util.HashMap<String, Layer>();
        for (var c : components) layer.put(c.id(), c.layer());
        var out = new ArrayList<LayerViolation>();
        for (var e : edges) {
            var from = layer.get(e.from());
            var to = layer.get(e.to());
            if (from.violates(to)) out.add(new LayerViolation(e.from(), from, e.to(), to, e.weight(), e.evidence()));
        }
        return out;
    }
}
