package dev.luna.workers.design;

import dev.luna.codebase.architecture.ArchitectureModel;
import java.util.ArrayList;
import java.util.List;

/** Every diagram the options ask for, in the order architecture.md shows them. */
final class Diagrams {
    private Diagrams() {
    }

    static List<Diagram> all(SystemView view, ArchitectureModel model, DesignOptions options) {
        var c4 = new MermaidC4(view);
        var out = new ArrayList<Diagram>();
        if (options.draws(View.CONTEXT)) out.add(new Diagram("diagrams/context.mmd", "System context",
                "The system, who uses it and the external systems it talks to (detected from manifests, imports and configuration).", c4.context()));
        if (options.draws(View.CONTAINER)) out.add(new Diagram("diagrams/container.mmd", "Containers",
                "The deployable units: the build modules that hold program code, with their languages and frameworks.", c4.container()));
        if (options.draws(View.COMPONENT)) out.add(new Diagram("diagrams/component.mmd", "Components",
                "Packages and source directories inside each container" + (view.graph.hidden > 0 ? "; the " + (view.graph.nodes.size()
                        - view.graph.nodes.stream().filter(n -> n.key().startsWith(Collapsed.OTHER)).count()) + " largest and most connected are shown, "
                        + view.graph.hidden + " more are grouped" : "") + ".", c4.component()));
        if (options.draws(View.DEPLOYMENT)) out.add(new Diagram("diagrams/deployment.mmd", "Deployment",
                "Where the containers run, inferred from their runtimes" + (view.docker ? " and the project's Docker files" : "")
                        + "; environments are not visible in the code, so this is one plausible production layout.", c4.deployment()));
        out.add(new Diagram("diagrams/dependencies.mmd", "Dependency graph",
                "Component dependencies by layer; the number on an edge counts file-level references. Dotted red edges go against the "
                        + "layering, dotted orange ones close a cycle.", MermaidFlows.dependencies(view)));
        if (options.draws(View.SEQUENCE)) {
            var flows = Flows.main(model.flows(), options.maxFlows());
            for (int i = 0; i < flows.size(); i++) {
                var f = flows.get(i);
                out.add(new Diagram(Flows.fileName(i + 1, f), "Request flow: " + Names.label(f.method() + " " + f.path()),
                        "From the endpoint (" + Md.code(f.at().toString()) + ") down the call graph to the data and external systems it reaches.",
                        MermaidFlows.sequence(f, view)));
            }
        }
        return out;
    }
}
