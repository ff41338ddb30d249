package dev.luna.workers.design;

import dev.luna.codebase.ProjectModel;
import dev.luna.codebase.architecture.ArchitectureModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;

/**
 * The deterministic core: from the project and architecture models (and the brief), every artifact, checked. The
 * optional {@link Enhancement} replaces prose only (the overview, the brief decision's context and consequences); the
 * structure, the diagrams and the graph never come from a model.
 */
final class Design {
    private final Decisions decisions = new Decisions();

    /** A model's improvements of the prose, or null. */
    record Enhancement(String overview, String briefContext, List<String> briefGood, List<String> briefBad) {
    }

    Generated generate(String name, ProjectModel project, ArchitectureModel model, String brief, DesignOptions options, Enhancement enhancement) {
        var view = new SystemView(name, project, model, options.maxNodes());
        var diagrams = Diagrams.all(view, model, options);
        var refactorings = Refactorings.top(model);
        var all = new ArrayList<>(decisions.recover(project, model));
        String cleanBrief = brief == null || brief.isBlank() ? null : brief;
        if (cleanBrief != null) {
            var proposed = BriefDecision.of(cleanBrief, model, refactorings);
            if (enhancement != null && enhancement.briefContext() != null) {
                proposed = proposed.withText(BriefDecision.clean(enhancement.briefContext()), clean(enhancement.briefGood()), clean(enhancement.briefBad()));
            }
            all.add(proposed);
        }
        var files = new TreeMap<String, byte[]>();
        var problems = new ArrayList<String>();
        for (var d : diagrams) {
            files.put(d.file(), utf8(d.source()));
            problems.addAll(SelfCheck.mermaid(d.file(), d.source()));
        }
        String dsl = WorkspaceDsl.render(view, options);
        files.put("workspace.dsl", utf8(dsl));
        problems.addAll(SelfCheck.dsl("workspace.dsl", dsl));
        Adrs.render(all).forEach((file, text) -> {
            files.put(file, utf8(text));
            problems.addAll(SelfCheck.markdown(file, text));
        });
        String overview = enhancement == null ? null : BriefDecision.clean(enhancement.overview());
        String markdown = ArchitectureDoc.render(name, project, model, diagrams, all, refactorings, cleanBrief, overview);
        files.put("architecture.md", utf8(markdown));
        problems.addAll(SelfCheck.markdown("architecture.md", markdown));
        byte[] graph = GraphJson.bytes(GraphJson.tree(name, model, view.graph));
        files.put("dependency-graph.json", graph);
        GraphJson.validate(graph).forEach(v -> problems.add(v.field() + ": " + v.message()));
        return new Generated(files, summary(project, model, view, all, refactorings, diagrams), all, refactorings,
                diagrams.stream().map(Diagram::file).toList(), problems);
    }

    private static LinkedHashMap<String, Object> summary(ProjectModel project, ArchitectureModel model, SystemView view, List<Decision> decisions,
                                                         List<Refactoring> refactorings, List<Diagram> diagrams) {
        var s = new LinkedHashMap<String, Object>();
        s.put("files", project.files().size());
        s.put("containers", view.containers.size());
        s.put("components", model.components().size());
        s.put("dependencies", model.edges().size());
        s.put("cycles", model.cycles().size());
        s.put("layerViolations", model.violations().size());
        s.put("externalSystems", model.externals().stream().map(x -> x.name()).toList());
        s.put("endpoints", project.endpoints().size());
        s.put("diagrams", diagrams.size());
        s.put("diagramNodes", view.graph.nodes.size());
        s.put("groupedComponents", view.graph.hidden);
        s.put("decisions", decisions.size());
        s.put("refactoringCandidates", refactorings.size());
        s.put("complete", project.complete());
        return s;
    }

    private static List<String> clean(List<String> items) {
        return items == null ? List.of() : items.stream().map(BriefDecision::clean).filter(t -> !t.isEmpty()).toList();
    }

    private static byte[] utf8(String text) {
        String t = text.replace("\r\n", "\n");
        return (t.endsWith("\n") ? t : t + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
