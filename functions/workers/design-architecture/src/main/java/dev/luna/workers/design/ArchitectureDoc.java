package dev.luna.workers.design;

import dev.luna.codebase.ProjectModel;
import dev.luna.codebase.architecture.ArchitectureModel;
import dev.luna.codebase.architecture.Component;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** architecture.md: the diagrams embedded, the tables, the candidates and the decisions, through {@code architecture.md.mustache}. */
final class ArchitectureDoc {
    static final int MAX_ROWS = 40;

    private ArchitectureDoc() {
    }

    static String render(String name, ProjectModel project, ArchitectureModel model, List<Diagram> diagrams, List<Decision> decisions,
                         List<Refactoring> refactorings, String brief, String overview) {
        var ctx = new LinkedHashMap<String, Object>();
        ctx.put("name", Names.label(name));
        long lines = model.components().stream().mapToLong(Component::lines).sum();
        ctx.put("summary", count(model.components().size(), "component") + " (" + lines + " lines of program code, tests left out) in "
                + count(Math.max(1, model.containers().size()), "build module") + "; " + count(model.edges().size(), "dependency") + " between components, "
                + count(model.cycles().size(), "cycle") + ", " + count(model.violations().size(), "layer violation") + "; "
                + count(model.externals().size(), "external system") + "; " + count(project.endpoints().size(), "HTTP endpoint") + ".");
        if (brief != null) {
            ctx.put("brief", BriefDecision.clean(brief));
            ctx.put("briefAdr", Adrs.fileName(decisions.size(), decisions.getLast()));
        }
        if (overview != null) ctx.put("overview", overview);
        var diagramCtx = new ArrayList<Map<String, String>>();
        for (var d : diagrams) diagramCtx.add(Map.of("heading", d.heading(), "intro", d.intro(), "source", d.source(), "file", d.file()));
        ctx.put("diagrams", diagramCtx);
        ctx.put("externals", externals(model));
        ctx.put("layers", layers(model));
        ctx.put("violations", model.violations().isEmpty() ? "No dependency points up the layers." : Md.table(List.of("From", "Layer", "To", "Layer", "References", "Evidence"),
                model.violations().stream().limit(MAX_ROWS).map(v -> List.of(v.from(), v.fromLayer().wire(), v.to(), v.toLayer().wire(),
                        String.valueOf(v.weight()), places(v.evidence()))).toList()));
        ctx.put("cycles", model.cycles().isEmpty() ? "None: the component graph is acyclic." : Md.table(List.of("Components", "Edges that close it", "Evidence"),
                model.cycles().stream().limit(MAX_ROWS).map(c -> List.of(String.join(", ", c.components()),
                        String.join(", ", c.closing().stream().map(e -> e.from() + " → " + e.to()).toList()),
                        places(c.closing().stream().flatMap(e -> e.evidence().stream().limit(1)).toList()))).toList()));
        ctx.put("metrics", metrics(model));
        ctx.put("refactorings", refactorings.isEmpty() ? "None above the thresholds (cycles, layer violations, types over " + Refactorings.GOD_LINES
                + " lines, " + Refactorings.GOD_METHODS + " methods, or a fan-out of " + Refactorings.GOD_FAN_OUT + " in a type of "
                + Refactorings.GOD_LINES / 3 + " lines or more)."
                : Md.table(List.of("#", "Kind", "Subject", "Problem", "Evidence", "Suggestion"), numbered(refactorings)));
        ctx.put("entryPoints", entryPoints(project));
        ctx.put("entities", entities(project));
        var adrs = new ArrayList<Map<String, String>>();
        for (int i = 0; i < decisions.size(); i++) {
            var d = decisions.get(i);
            adrs.add(Map.of("file", Adrs.fileName(i + 1, d), "title", d.title(), "status", d.status()));
        }
        ctx.put("adrs", adrs);
        ctx.put("method", "Recovered from source text, manifests and configuration only; nothing of the project was built or run. Components are Java "
                + "packages and, for other languages, source directories; tests, build output and vendored code are left out. Dependencies come "
                + "from resolved imports and Java type references; request flows follow the call graph from each endpoint's handler (calls "
                + "resolved by declared types), then the data-layer types the handlers' classes hold and the external systems their files use. "
                + (model.components().isEmpty() ? "No program source was found." : "")
                + (project.complete() ? "" : " The analysis stopped before its end (time or size limits); what it read is shown."));
        return Templates.render("architecture.md.mustache", ctx);
    }

    private static String externals(ArchitectureModel model) {
        if (model.externals().isEmpty()) return "None detected.";
        return Md.table(List.of("System", "Kind", "Technology", "Used by", "Evidence"), model.externals().stream().map(x -> List.of(x.name(), x.kind(),
                x.technology(), x.usedBy().isEmpty() ? "(configuration or build)" : String.join(", ", x.usedBy().stream().limit(5).toList())
                        + (x.usedBy().size() > 5 ? " and " + (x.usedBy().size() - 5) + " more" : ""),
                places(x.evidence().stream().map(e -> e.at()).toList()))).toList());
    }

    private static String layers(ArchitectureModel model) {
        var counts = new LinkedHashMap<String, int[]>();
        for (var c : model.components()) counts.computeIfAbsent(c.layer().wire(), k -> new int[2])[0]++;
        for (var c : model.components()) counts.get(c.layer().wire())[1] += c.files().size();
        var rows = new ArrayList<List<String>>();
        for (var l : dev.luna.codebase.architecture.Layer.values()) {
            var n = counts.get(l.wire());
            if (n == null) continue;
            var names = model.components().stream().filter(c -> c.layer() == l).map(Component::name).limit(8).toList();
            rows.add(List.of(l.wire(), String.valueOf(n[0]), String.valueOf(n[1]), String.join(", ", names) + (n[0] > 8 ? ", …" : "")));
        }
        return rows.isEmpty() ? "No program source." : Md.table(List.of("Layer", "Components", "Files", "Components (first)"), rows);
    }

    private static String metrics(ArchitectureModel model) {
        if (model.metrics().isEmpty()) return "No components.";
        var byId = new HashMap<String, Component>();
        for (var c : model.components()) byId.put(c.id(), c);
        var sorted = new ArrayList<>(model.metrics());
        sorted.sort(java.util.Comparator.comparingLong((dev.luna.codebase.architecture.Metrics m) -> -m.lines()).thenComparing(m -> m.component()));
        var rows = sorted.stream().limit(MAX_ROWS).map(m -> List.of(byId.get(m.component()).name(), byId.get(m.component()).layer().wire(),
                String.valueOf(m.files()), String.valueOf(m.lines()), String.valueOf(m.types()), String.valueOf(m.afferent()), String.valueOf(m.efferent()),
                fmt(m.instability()), fmt(m.abstractness()), fmt(m.distance()))).toList();
        String table = Md.table(List.of("Component", "Layer", "Files", "Lines", "Types", "Ca", "Ce", "I", "A", "D"), rows);
        return sorted.size() > MAX_ROWS ? table + "\n\nThe " + MAX_ROWS + " largest of " + sorted.size() + " components; all are in dependency-graph.json." : table;
    }

    private static List<List<String>> numbered(List<Refactoring> refactorings) {
        var rows = new ArrayList<List<String>>();
        for (int i = 0; i < refactorings.size(); i++) {
            var r = refactorings.get(i);
            rows.add(List.of(String.valueOf(i + 1), r.kind(), r.subject(), r.problem(), reasons(r.evidence()), r.suggestion()));
        }
        return rows;
    }

    private static String entryPoints(ProjectModel project) {
        var kinds = new java.util.TreeMap<String, Integer>();
        for (var e : project.entryPoints()) if (!e.kind().equals("test")) kinds.merge(e.kind(), 1, Integer::sum);
        String endpoints = project.endpoints().isEmpty() ? "No HTTP endpoints." : Md.table(List.of("Method", "Path", "Handler", "At"), project.endpoints()
                .stream().limit(MAX_ROWS).map(e -> List.of(e.method(), e.path(), e.handler(), e.file() + ":" + e.startLine())).toList())
                + (project.endpoints().size() > MAX_ROWS ? "\n\n" + (project.endpoints().size() - MAX_ROWS) + " more endpoints." : "");
        var list = new StringBuilder("Entry points by kind: ");
        kinds.forEach((k, v) -> list.append(k).append(' ').append(v).append(", "));
        return (kinds.isEmpty() ? "No entry points found." : list.substring(0, list.length() - 2) + ".") + "\n\n" + endpoints;
    }

    private static String entities(ProjectModel project) {
        var entities = project.shapes().stream().filter(s -> s.kind().equals("entity")).toList();
        if (entities.isEmpty()) return "No persistent entities found.";
        return Md.table(List.of("Entity", "Properties", "At"), entities.stream().limit(MAX_ROWS).map(s -> List.of(s.name(),
                String.valueOf(s.properties().size()), s.file() + ":" + s.line())).toList());
    }

    private static String places(List<dev.luna.codebase.architecture.Location> places) {
        return String.join(", ", places.stream().map(Object::toString).distinct().limit(3).toList());
    }

    /** {@code 1 cycle}, {@code 2 cycles}, {@code 3 dependencies}. */
    static String count(long n, String noun) {
        if (n == 1) return "1 " + noun;
        return n + " " + (noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    private static String reasons(java.util.Collection<String> lines) {
        return String.join("; ", lines.stream().limit(3).toList());
    }
}
