package dev.luna.workers.projectorganization.unused;

import dev.luna.codebase.ProjectModel;
import dev.luna.codebase.java.TypeSymbol;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Java files that no entry point reaches over the type graph. Entry points are what the code model names (main
 * methods, managed components and their callbacks, HTTP handlers, servlets, classes named by META-INF/services,
 * spring.factories, *.imports and web.xml), plus test sources, types carrying any annotation beyond the inert
 * ones, and every public type of a library module (its API is used from outside).
 */
final class JavaReach {
    private static final Set<String> INERT = Set.of("Deprecated", "SuppressWarnings", "FunctionalInterface", "SafeVarargs", "Override");
    private static final Set<String> APPLICATION = Set.of("main", "component", "servlet", "http-handler", "bean", "callback");

    /** An unreached file: its types' simple names and the unreached files that use it. */
    record Unreached(String file, List<String> names, Set<String> usedBy) {
    }

    private JavaReach() {
    }

    static List<Unreached> find(ProjectModel model) {
        var types = model.java().types();
        if (types.isEmpty()) return List.of();
        Map<String, String> fileOf = new HashMap<>();
        Map<String, List<TypeSymbol>> byFile = new TreeMap<>();
        for (var t : types) {
            fileOf.put(t.fqn(), t.file());
            byFile.computeIfAbsent(t.file(), k -> new ArrayList<>()).add(t);
        }
        var roots = new HashSet<String>();
        var applicationModules = new HashSet<String>();
        var moduleRoots = model.modules().stream().filter(m -> m.kind().equals("maven") || m.kind().equals("gradle")).map(m -> m.root()).toList();
        for (var ep : model.entryPoints()) {
            String fqn = ep.symbol().contains("#") ? ep.symbol().substring(0, ep.symbol().indexOf('#')) : ep.symbol();
            String file = fileOf.get(fqn);
            if (file != null) roots.add(file);
            if (ep.file().endsWith(".java")) roots.add(ep.file());
            if (APPLICATION.contains(ep.kind()) && file != null) applicationModules.add(module(moduleRoots, file));
        }
        for (var e : byFile.entrySet()) {
            String file = e.getKey();
            if (file.contains("src/test/") || file.contains("/test/java/") || file.startsWith("test/")) roots.add(file);
            boolean library = !applicationModules.contains(module(moduleRoots, file));
            for (var t : e.getValue()) {
                if (t.annotations().stream().anyMatch(a -> !INERT.contains(a.name()))) roots.add(file);
                if (library && !t.name().contains(".") && t.modifiers().contains("public")) roots.add(file);
            }
        }
        Map<String, Set<String>> out = new HashMap<>();
        Map<String, Set<String>> in = new HashMap<>();
        for (var edge : model.java().typeEdges()) {
            String from = fileOf.get(edge.from());
            String to = fileOf.get(edge.to());
            if (from == null || to == null || from.equals(to)) continue;
            out.computeIfAbsent(from, k -> new HashSet<>()).add(to);
            in.computeIfAbsent(to, k -> new TreeSet<>()).add(from);
        }
        var seen = new HashSet<>(roots);
        var queue = new ArrayDeque<>(roots);
        while (!queue.isEmpty()) {
            for (var next : out.getOrDefault(queue.poll(), Set.of())) if (seen.add(next)) queue.add(next);
        }
        var result = new ArrayList<Unreached>();
        for (var e : byFile.entrySet()) {
            String file = e.getKey();
            if (seen.contains(file) || file.endsWith("package-info.java") || file.endsWith("module-info.java")) continue;
            var names = e.getValue().stream().map(TypeSymbol::name).filter(n -> !n.contains(".")).sorted().toList();
            result.add(new Unreached(file, names, in.getOrDefault(file, Set.of())));
        }
        return result;
    }

    private static String module(List<String> roots, String file) {
        String best = "";
        for (var r : roots) if ((r.isEmpty() || file.startsWith(r + "/")) && r.length() >= best.length()) best = r;
        return best;
    }
}
