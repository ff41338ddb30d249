package dev.luna.workers.design;

import dev.luna.codebase.ProjectModel;
import dev.luna.codebase.architecture.ArchitectureModel;
import dev.luna.codebase.architecture.ExternalSystem;
import dev.luna.codebase.architecture.Layer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What every diagram and the workspace draw, decided once: the system, its containers (build modules that hold
 * program code, or the project as one container), the collapsed components, the external systems and who uses them.
 */
final class SystemView {
    record Container(String key, String label, String technology, String runtime, long lines, int components) {
    }

    record Use(String from, String to, String label, String technology) {
    }

    final String name;
    final String description;
    final boolean servesUsers;
    final List<Container> containers;
    final Collapsed graph;
    final List<ExternalSystem> externals;
    /** Container key → external uses; node key → external uses. */
    final List<Use> containerUses;
    final List<Use> nodeUses;
    final boolean docker;

    SystemView(String name, ProjectModel project, ArchitectureModel model, int maxNodes) {
        this.name = name;
        this.graph = new Collapsed(model, maxNodes);
        this.externals = model.externals();
        var frameworks = project.frameworks().stream().filter(f -> f.category().equals("framework")).toList();
        var byContainer = new TreeMap<String, long[]>();
        var languages = new TreeMap<String, TreeSet<String>>();
        for (var c : model.components()) {
            var acc = byContainer.computeIfAbsent(c.container(), k -> new long[2]);
            acc[0] += c.lines();
            acc[1]++;
            languages.computeIfAbsent(c.container(), k -> new TreeSet<>()).add(c.language());
        }
        var list = new ArrayList<Container>();
        for (var e : byContainer.entrySet()) {
            String root = e.getKey();
            var tech = new TreeSet<>(languages.get(root));
            for (var f : frameworks) {
                if (f.evidence().stream().anyMatch(ev -> root.isEmpty() || ev.file().startsWith(root + "/"))) tech.add(f.name());
            }
            String label = root.isEmpty() ? name : moduleName(model, root);
            list.add(new Container(root, label, String.join(", ", tech), runtime(languages.get(root)), e.getValue()[0], (int) e.getValue()[1]));
        }
        this.containers = List.copyOf(list);
        this.servesUsers = !project.endpoints().isEmpty() || model.components().stream().anyMatch(c -> c.layer() == Layer.WEB);
        this.description = describe(project, model);
        this.docker = project.files().stream().anyMatch(f -> "Dockerfile".equals(f.language()) || f.path().matches("(.*/)?(docker-)?compose[^/]*\\.ya?ml"));
        this.containerUses = containerUses(model);
        this.nodeUses = nodeUses(model);
    }

    /** The container users reach: the one with the most web-layer code, else the largest. */
    Container entry() {
        var web = new TreeMap<String, Long>();
        for (var n : graph.nodes) if (n.layer() == Layer.WEB) web.merge(n.container(), n.lines(), Long::sum);
        if (web.isEmpty()) return main();
        String best = web.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).get().getKey();
        return containers.stream().filter(c -> c.key().equals(best)).findFirst().orElse(main());
    }

    /** The largest container: where components without a better home and unattributed external uses go. */
    Container main() {
        return containers.stream().max(java.util.Comparator.comparingLong(Container::lines)).orElse(null);
    }

    private List<Use> containerUses(ArchitectureModel model) {
        var out = new LinkedHashMap<String, Use>();
        var componentContainer = new TreeMap<String, String>();
        for (var c : model.components()) componentContainer.put(c.id(), c.container());
        for (var x : externals) {
            var from = new TreeSet<String>();
            for (var c : x.usedBy()) from.add(componentContainer.get(c));
            for (var ev : x.evidence()) {
                if (!ev.how().equals("dependency")) continue;
                for (var c : containers) if (!c.key().isEmpty() && ev.at().file().startsWith(c.key() + "/")) from.add(c.key());
            }
            if (from.isEmpty() && main() != null) from.add(main().key());
            for (var f : from) out.putIfAbsent(f + "\u0000" + x.id(), new Use(f, x.id(), verb(x.kind()), x.technology()));
        }
        return List.copyOf(out.values());
    }

    private List<Use> nodeUses(ArchitectureModel model) {
        var out = new LinkedHashMap<String, Use>();
        for (var x : externals) {
            for (var c : x.usedBy()) {
                String node = graph.nodeOf.get(c);
                if (node != null) out.putIfAbsent(node + "\u0000" + x.id(), new Use(node, x.id(), verb(x.kind()), x.technology()));
            }
        }
        return List.copyOf(out.values());
    }

    static String verb(String kind) {
        return switch (kind) {
            case "database", "search" -> "Reads from and writes to";
            case "cache" -> "Caches in";
            case "queue" -> "Sends and receives messages";
            case "storage" -> "Stores files in";
            case "http" -> "Calls";
            case "email" -> "Sends e-mail through";
            case "auth" -> "Authenticates users with";
            default -> "Uses";
        };
    }

    private static String moduleName(ArchitectureModel model, String root) {
        for (var m : model.containers()) if (m.root().equals(root)) return m.name();
        return root;
    }

    private static String runtime(TreeSet<String> languages) {
        if (languages.contains("Java") || languages.contains("Kotlin") || languages.contains("Scala") || languages.contains("Groovy")) return "JVM";
        if (languages.contains("TypeScript") || languages.contains("JavaScript")) return "Node.js";
        if (languages.contains("Python")) return "Python";
        if (languages.contains("Go")) return "Go binary";
        return languages.isEmpty() ? "Runtime" : languages.first() + " runtime";
    }

    private static String describe(ProjectModel project, ArchitectureModel model) {
        var frameworks = project.frameworks().stream().filter(f -> f.category().equals("framework")).map(f -> f.name()).limit(4).toList();
        long lines = model.components().stream().mapToLong(c -> c.lines()).sum();
        return model.components().size() + " components, " + lines + " lines" + (frameworks.isEmpty() ? "" : ", " + String.join(", ", frameworks));
    }

    Map<String, ExternalSystem> externalsById() {
        var out = new LinkedHashMap<String, ExternalSystem>();
        for (var x : externals) out.put(x.id(), x);
        return out;
    }
}
