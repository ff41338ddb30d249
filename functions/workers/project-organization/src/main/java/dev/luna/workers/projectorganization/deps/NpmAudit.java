package dev.luna.workers.projectorganization.deps;

import dev.luna.codebase.manifest.Dependency;
import dev.luna.codebase.manifest.Manifest;
import dev.luna.workers.projectorganization.Confidence;
import dev.luna.workers.projectorganization.Finding;
import dev.luna.workers.projectorganization.Severity;
import dev.luna.workers.projectorganization.rules.Kinds;
import dev.luna.workers.projectorganization.rules.Tsv;
import dev.luna.workers.projectorganization.tree.Project;
import dev.luna.workers.projectorganization.unused.ScriptGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * npm: declared dependencies nothing imports (nor a script, nor a tool configuration names), and imported packages
 * no {@code package.json} on the way up declares.
 */
final class NpmAudit {
    private static final Pattern WORD = Pattern.compile("[@\\w][\\w@./:-]*");
    private static final Pattern CONFIG = Pattern.compile("(?i)(\\..*rc(\\.[a-z]+)?|.*\\.config\\.[a-z]+|tsconfig.*\\.json|\\.babelrc|babel\\.config\\..*"
            + "|\\.storybook/.*|jest\\..*|\\.husky/.*|\\.lintstagedrc.*|\\.github/workflows/.*)");

    private final Kinds kinds;
    private final Set<String> builtins = new HashSet<>(Tsv.words("node-builtins.txt"));
    private final Map<String, String> bins = new HashMap<>();

    NpmAudit(Kinds kinds) {
        this.kinds = kinds;
        Tsv.read("npm-bins.tsv", 2).forEach(r -> bins.put(r[0], r[1]));
    }

    List<Finding> run(Project project, List<Manifest> manifests, ScriptGraph graph) {
        var out = new ArrayList<Finding>();
        var externals = graph.externals();
        Map<String, Manifest> byDir = new HashMap<>();
        for (var m : manifests) if (m.kind().equals("package.json") && m.problems().isEmpty()) byDir.put(Project.parent(m.path()), m);
        var workspaceNames = new HashSet<String>();
        graph.packages().values().forEach(p -> {
            if (p.name() != null) workspaceNames.add(p.name());
        });
        for (var e : byDir.entrySet()) {
            String dir = e.getKey();
            var manifest = e.getValue();
            var imported = externals.getOrDefault(dir, Map.of());
            var info = graph.packages().get(dir);
            var scriptWords = new HashSet<String>();
            if (info != null) info.scripts().values().forEach(s -> {
                var m = WORD.matcher(s);
                while (m.find()) {
                    scriptWords.add(m.group());
                    if (bins.containsKey(m.group())) scriptWords.add(bins.get(m.group()));
                }
            });
            String pkgText = project.text(e.getValue().path());
            String configs = configText(project, dir);
            boolean typescript = graph.modules().stream().anyMatch(f -> dir.equals(graph.packageOf(f)) && f.matches(".*\\.[cm]?tsx?$"));
            for (var d : manifest.dependencies()) {
                if (!d.direct() || d.name().startsWith("@types/") || imported.containsKey(d.name()) || scriptWords.contains(d.name())) continue;
                if (d.name().equals("typescript") && typescript || workspaceNames.contains(d.name())) continue;
                if (pkgText != null && count(pkgText, "\"" + d.name()) + count(pkgText, d.name() + "/") > 1 || configs.contains(d.name())) continue;
                boolean dev = d.scope().equals("dev");
                out.add(kinds.finding("dependency-unused", dev ? Severity.LOW : null, "npm:" + d.name() + "@" + manifest.path(),
                        List.of(manifest.path()), manifest.path() + (d.line() > 0 ? ":" + d.line() : "") + " declares " + d.name() + " ("
                                + d.scope() + "), yet no module of the package imports or requires it, no script runs it and no tool "
                                + "configuration names it.", Confidence.MEDIUM, "npm uninstall " + d.name() + (dir.isEmpty() ? "" : " -w " + dir)));
            }
            for (var imp : imported.entrySet()) {
                String name = imp.getKey();
                if (builtins.contains(name) || name.startsWith("node:") || name.equals(manifest.name()) || declaredUpwards(byDir, dir, name)) continue;
                if (name.startsWith("bun:") || name.startsWith("virtual:") || name.isEmpty() || name.startsWith("~")) continue;
                out.add(kinds.finding("dependency-undeclared", "npm:" + name + "@" + manifest.path(), imp.getValue(), String.join(", ",
                        new TreeSet<>(imp.getValue()).stream().limit(5).toList()) + (imp.getValue().size() == 1 ? " imports " : " import ") + name + ", which neither " + manifest.path()
                        + " nor a package.json above it declares: it works only while another package happens to bring it in.",
                        Confidence.MEDIUM, "npm install " + name + (dir.isEmpty() ? "" : " -w " + dir)));
            }
        }
        return out;
    }

    private static boolean declaredUpwards(Map<String, Manifest> byDir, String dir, String name) {
        for (String d = dir; ; d = Project.parent(d)) {
            var m = byDir.get(d);
            if (m != null && m.dependencies().stream().map(Dependency::name).anyMatch(name::equals)) return true;
            if (d.isEmpty()) return false;
        }
    }

    private static String configText(Project project, String dir) {
        var sb = new StringBuilder();
        String prefix = dir.isEmpty() ? "" : dir + "/";
        for (var e : project.sources()) {
            if (!e.path().startsWith(prefix)) continue;
            String rel = e.path().substring(prefix.length());
            if (rel.chars().filter(c -> c == '/').count() > 2 || !CONFIG.matcher(rel).matches()) continue;
            String text = project.text(e.path());
            if (text != null) sb.append(text).append('\n');
        }
        return sb.toString();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) n++;
        return n;
    }
}
