package dev.luna.workers.projectorganization.deps;

import dev.luna.codebase.manifest.Manifest;
import dev.luna.workers.projectorganization.Confidence;
import dev.luna.workers.projectorganization.Finding;
import dev.luna.workers.projectorganization.rules.Globs;
import dev.luna.workers.projectorganization.rules.Kinds;
import dev.luna.workers.projectorganization.rules.Tsv;
import dev.luna.workers.projectorganization.tree.Project;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Python: declared distributions no module imports (commands and plugins of {@code python-tools.txt} excepted), and
 * imported top-level modules that are neither the standard library, nor the project's own, nor declared. Import
 * names map to distributions through {@code python-modules.tsv}, else by PEP 503 normalisation.
 */
final class PythonAudit {
    private static final Pattern IMPORT = Pattern.compile("(?m)^[ \\t]*import[ \\t]+([\\w., \\t]+)|^[ \\t]*from[ \\t]+([\\w.]+)[ \\t]+import\\b");

    private final Kinds kinds;
    private final Set<String> stdlib = new HashSet<>(Tsv.words("python-stdlib.txt"));
    private final Map<String, String> distributions = new HashMap<>();
    private final List<Pattern> tools = new ArrayList<>();

    PythonAudit(Kinds kinds) {
        this.kinds = kinds;
        Tsv.read("python-modules.tsv", 2).forEach(r -> distributions.put(r[0], normalise(r[1])));
        Tsv.words("python-tools.txt").forEach(t -> tools.add(Globs.compile(t)));
    }

    List<Finding> run(Project project, List<Manifest> manifests) {
        var declared = new TreeMap<String, List<String>>();
        for (var m : manifests) {
            for (var d : m.dependencies()) {
                if (d.ecosystem().equals("pypi") && d.direct()) declared.computeIfAbsent(normalise(d.name()), k -> new ArrayList<>()).add(m.path());
            }
        }
        if (declared.isEmpty()) return List.of();
        var local = new HashSet<String>();
        var imports = new TreeMap<String, Set<String>>();
        for (var e : project.sources()) {
            if (!e.path().endsWith(".py")) continue;
            for (var part : e.path().split("/")) local.add(part.endsWith(".py") ? part.substring(0, part.length() - 3) : part);
        }
        for (var e : project.sources()) {
            if (!e.path().endsWith(".py") || project.stopped()) continue;
            String text = project.text(e.path());
            if (text == null) continue;
            var m = IMPORT.matcher(text);
            while (m.find()) {
                var names = m.group(1) != null ? m.group(1).split(",") : new String[] {m.group(2)};
                for (var n : names) {
                    String module = n.trim().split("[ \\t]")[0];
                    if (module.isEmpty() || module.startsWith(".")) continue;
                    imports.computeIfAbsent(module, k -> new TreeSet<>()).add(e.path());
                }
            }
        }
        var used = new HashSet<String>();
        var out = new ArrayList<Finding>();
        for (var imp : imports.entrySet()) {
            String top = imp.getKey().split("\\.")[0];
            String two = imp.getKey().contains(".") ? top + "." + imp.getKey().split("\\.")[1] : null;
            String dist = two != null && distributions.containsKey(two) ? distributions.get(two)
                    : distributions.getOrDefault(top, normalise(top));
            used.add(dist);
            if (stdlib.contains(top) || local.contains(top) || declared.containsKey(dist)) continue;
            out.add(kinds.finding("dependency-undeclared", "pypi:" + dist, imp.getValue(), String.join(", ", imp.getValue().stream().limit(5).toList())
                    + (imp.getValue().size() == 1 ? " imports " : " import ") + imp.getKey() + ", which is not in the standard library, not a module of the project, and not declared in "
                    + String.join(", ", new TreeSet<>(declared.values().stream().flatMap(List::stream).toList())) + ".",
                    Confidence.MEDIUM, "declare " + dist + " in the project's requirements"));
        }
        for (var d : declared.entrySet()) {
            if (used.contains(d.getKey()) || tools.stream().anyMatch(t -> t.matcher(d.getKey()).matches())) continue;
            out.add(kinds.finding("dependency-unused", "pypi:" + d.getKey(), d.getValue(), String.join(", ", new TreeSet<>(d.getValue()))
                    + " declares " + d.getKey() + ", yet no Python module imports it (its import name may differ: check before removing).",
                    Confidence.MEDIUM, "remove " + d.getKey() + " from the requirements"));
        }
        return out;
    }

    /** PEP 503: lower case, runs of {@code - _ .} as one {@code -}. */
    static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}
