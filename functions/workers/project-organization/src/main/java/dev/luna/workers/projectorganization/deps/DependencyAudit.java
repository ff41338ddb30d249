package dev.luna.workers.projectorganization.deps;

import dev.luna.codebase.ProjectModel;
import dev.luna.codebase.manifest.Dependency;
import dev.luna.codebase.manifest.Manifest;
import dev.luna.workers.projectorganization.Confidence;
import dev.luna.workers.projectorganization.Finding;
import dev.luna.workers.projectorganization.rules.Kinds;
import dev.luna.workers.projectorganization.tree.Project;
import dev.luna.workers.projectorganization.unused.ScriptGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dependency audit: declared but unused and used but undeclared (npm, Python, Maven/Gradle), one dependency at
 * different versions across manifests, duplicate declarations, lockfiles of rival package managers side by side,
 * lockfiles that miss a declared dependency or resolve a direct one to several versions, unreadable manifests.
 */
public final class DependencyAudit {
    private static final Set<String> LOCKFILES = Set.of("package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb",
            "bun.lock");

    private final Kinds kinds;

    public DependencyAudit(Kinds kinds) {
        this.kinds = kinds;
    }

    public List<Finding> run(Project project, ProjectModel model, ScriptGraph graph) {
        var out = new ArrayList<Finding>();
        if (model == null) return out;
        var manifests = model.manifests();
        for (var m : manifests) {
            if (!m.problems().isEmpty()) {
                out.add(kinds.finding("manifest-unparseable", m.path(), List.of(m.path()), m.path() + " could not be read in full: "
                        + String.join("; ", m.problems()) + ". Tools that read it may fail or see less than intended.", Confidence.HIGH,
                        "fix " + m.path()));
            }
        }
        out.addAll(new NpmAudit(kinds).run(project, manifests, graph));
        out.addAll(new PythonAudit(kinds).run(project, manifests));
        out.addAll(new MavenAudit(kinds).run(project, model));
        conflicts(manifests, out);
        lockfiles(project, manifests, out);
        return out;
    }

    private void conflicts(List<Manifest> manifests, List<Finding> out) {
        Map<String, Map<String, List<String>>> versions = new TreeMap<>();
        for (var m : manifests) {
            if (LOCKFILES.contains(m.kind()) || m.kind().equals("Package.resolved")) continue;
            Map<String, List<Dependency>> inThis = new TreeMap<>();
            for (var d : m.dependencies()) {
                if (!d.direct()) continue;
                inThis.computeIfAbsent(d.ecosystem() + ":" + d.name(), k -> new ArrayList<>()).add(d);
                String v = d.version();
                if (v == null || v.contains("${") || v.startsWith("workspace:") || v.startsWith("file:") || v.startsWith("link:")) continue;
                versions.computeIfAbsent(d.ecosystem() + ":" + d.name(), k -> new TreeMap<>()).computeIfAbsent(v, k -> new ArrayList<>())
                        .add(m.path() + (d.line() > 0 ? ":" + d.line() : ""));
            }
            inThis.forEach((key, list) -> {
                if (list.size() < 2) return;
                var where = list.stream().map(d -> d.scope() + (d.line() > 0 ? " at line " + d.line() : "")).toList();
                out.add(kinds.finding("dependency-duplicate", key + "@" + m.path(), List.of(m.path()), m.path() + " declares "
                        + key.substring(key.indexOf(':') + 1) + " " + list.size() + " times (" + String.join(", ", where)
                        + "); which one wins depends on the tool.", Confidence.HIGH, "keep one declaration"));
            });
        }
        versions.forEach((key, byVersion) -> {
            if (byVersion.size() < 2) return;
            var files = new TreeSet<String>();
            var parts = new ArrayList<String>();
            byVersion.forEach((v, where) -> {
                parts.add(v + " in " + String.join(", ", where));
                where.forEach(w -> files.add(w.replaceFirst(":\\d+$", "")));
            });
            out.add(kinds.finding("dependency-version-conflict", key, files, key.substring(key.indexOf(':') + 1) + " is declared at "
                    + byVersion.size() + " versions: " + String.join("; ", parts) + ". Modules built together then disagree on its API.",
                    Confidence.HIGH, "declare one version in one place (a BOM, dependencyManagement, a version catalog or the workspace root)"));
        });
    }

    private void lockfiles(Project project, List<Manifest> manifests, List<Finding> out) {
        Map<String, Set<String>> byDir = new TreeMap<>();
        for (var e : project.sources()) if (LOCKFILES.contains(e.name())) byDir.computeIfAbsent(e.dir(), k -> new TreeSet<>()).add(e.path());
        byDir.forEach((dir, locks) -> {
            if (locks.size() < 2 || locks.stream().allMatch(l -> l.endsWith("bun.lockb") || l.endsWith("bun.lock"))) return;
            out.add(kinds.finding("lockfile-conflict", dir.isEmpty() ? "." : dir, locks, "Lockfiles of different package managers sit side "
                    + "by side (" + String.join(", ", locks) + "): each install may resolve different versions.", Confidence.HIGH,
                    "keep the lockfile of the package manager the project uses, delete the others"));
        });
        Map<String, Manifest> packageJsons = new TreeMap<>();
        for (var m : manifests) if (m.kind().equals("package.json") && m.problems().isEmpty()) packageJsons.put(Project.parent(m.path()), m);
        for (var lock : manifests) {
            if (!LOCKFILES.contains(lock.kind()) || !lock.problems().isEmpty()) continue;
            var pj = packageJsons.get(Project.parent(lock.path()));
            if (pj == null || lock.dependencies().isEmpty()) continue;
            var locked = new TreeMap<String, Set<String>>();
            lock.dependencies().forEach(d -> locked.computeIfAbsent(d.name(), k -> new TreeSet<>()).add(String.valueOf(d.version())));
            var missing = new TreeSet<String>();
            var multiple = new TreeSet<String>();
            for (var d : pj.dependencies()) {
                if (!locked.containsKey(d.name())) missing.add(d.name());
                else if (locked.get(d.name()).size() > 1) multiple.add(d.name() + " (" + String.join(", ", locked.get(d.name())) + ")");
            }
            if (!missing.isEmpty()) {
                out.add(kinds.finding("lockfile-out-of-sync", lock.path(), List.of(lock.path(), pj.path()), lock.path() + " lists no version of "
                        + String.join(", ", missing) + ", which " + pj.path() + " declares: the lockfile is older than the manifest.",
                        Confidence.HIGH, "run the package manager's install once and commit the updated lockfile"));
            }
            if (!multiple.isEmpty()) {
                out.add(kinds.finding("lockfile-duplicate-versions", lock.path(), List.of(lock.path()), lock.path() + " resolves direct "
                        + "dependencies to several versions: " + String.join("; ", multiple) + ".", Confidence.MEDIUM,
                        "deduplicate (npm dedupe, yarn dedupe, pnpm dedupe) or align the ranges that pull the old version"));
            }
        }
    }
}
