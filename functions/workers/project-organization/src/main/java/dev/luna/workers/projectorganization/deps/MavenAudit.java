package dev.luna.workers.projectorganization.deps;

import dev.luna.codebase.ProjectModel;
import dev.luna.workers.projectorganization.Confidence;
import dev.luna.workers.projectorganization.Finding;
import dev.luna.workers.projectorganization.rules.Kinds;
import dev.luna.workers.projectorganization.rules.Tsv;
import dev.luna.workers.projectorganization.tree.Project;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maven and Gradle: declared compile and test dependencies whose packages no Java file of the module imports. Which
 * packages an artifact holds is known for the artifacts of {@code maven-packages.tsv} (medium confidence); for others
 * the groupId is taken as the package prefix (low confidence). Runtime-scoped, starter, BOM and plugin artifacts are
 * never reported: they are used without imports.
 */
final class MavenAudit {
    private record Mapping(String coordinates, List<String> prefixes) {
        boolean matches(String name) {
            return coordinates.endsWith("*") ? name.startsWith(coordinates.substring(0, coordinates.length() - 1)) : name.equals(coordinates);
        }
    }

    private final Kinds kinds;
    private final List<Mapping> mappings = new ArrayList<>();

    MavenAudit(Kinds kinds) {
        this.kinds = kinds;
        Tsv.read("maven-packages.tsv", 2).forEach(r -> mappings.add(new Mapping(r[0], List.of(r[1].split(",")))));
    }

    List<Finding> run(Project project, ProjectModel model) {
        var roots = new ArrayList<String>();
        model.modules().stream().filter(m -> m.kind().equals("maven") || m.kind().equals("gradle")).forEach(m -> roots.add(m.root()));
        Map<String, Set<String>> importsByModule = new HashMap<>();
        for (var edge : model.imports()) {
            if (!edge.language().equals("java") || edge.target() != null) continue;
            importsByModule.computeIfAbsent(module(roots, edge.from()), k -> new HashSet<>()).add(edge.specifier());
        }
        var own = new HashSet<String>();
        model.modules().forEach(m -> own.add(m.name().substring(m.name().lastIndexOf(':') + 1)));
        var out = new ArrayList<Finding>();
        for (var m : model.manifests()) {
            if (!m.kind().equals("pom.xml") && !m.kind().startsWith("build.gradle")) continue;
            String root = Project.parent(m.path());
            var imports = importsByModule.get(root);
            if (imports == null || imports.isEmpty()) continue;
            String text = project.text(m.path());
            String pom = m.kind().equals("pom.xml") ? text : null;
            String gradle = m.kind().startsWith("build.gradle") ? text : null;
            for (var d : m.dependencies()) {
                if (own.contains(d.name().substring(d.name().indexOf(':') + 1))) continue;
                if (!d.direct() || skipped(d.name(), d.scope()) || "runtime".equals(pomScope(pom, d.line())) || runtimeOnly(gradle, d.line())) continue;
                var mapping = mappings.stream().filter(x -> x.matches(d.name())).findFirst().orElse(null);
                List<String> prefixes = mapping != null ? mapping.prefixes() : List.of(d.name().substring(0, d.name().indexOf(':')));
                if (imports.stream().anyMatch(i -> prefixes.stream().anyMatch(p -> i.equals(p) || i.startsWith(p + ".")))) continue;
                out.add(kinds.finding("dependency-unused", mapping == null ? dev.luna.workers.projectorganization.Severity.LOW : null,
                        "maven:" + d.name() + "@" + m.path(), List.of(m.path()), m.path() + (d.line() > 0 ? ":" + d.line() : "") + " declares "
                                + d.name() + " (" + d.scope() + "), yet no Java file of the module imports from " + String.join(" or ", prefixes)
                                + (mapping == null ? " (its groupId; the artifact's real packages are not known here)" : "") + ".",
                        mapping == null ? Confidence.LOW : Confidence.MEDIUM, "remove the dependency, or confirm with mvn dependency:analyze"));
            }
        }
        return out;
    }

    private static boolean skipped(String name, String scope) {
        String artifact = name.substring(name.indexOf(':') + 1);
        return scope.equals("build") || scope.equals("import") || artifact.contains("starter")
                || artifact.endsWith("-bom") || artifact.endsWith("-plugin") || artifact.contains("junit-platform")
                || artifact.contains("engine") || artifact.equals("lombok")
                // webjars are browser assets that templates and pages load, never Java imports
                || name.startsWith("org.webjars");
    }

    /**
     * The {@code <scope>} written in the {@code <dependency>} block that starts at {@code line} (the code model reports
     * Maven's compile and runtime scopes alike as runtime), or null.
     */
    static String pomScope(String pom, int line) {
        if (pom == null || line < 1) return null;
        var lines = pom.split("\n", -1);
        for (int i = line - 1; i < lines.length && i < line + 40; i++) {
            int at = lines[i].indexOf("<scope>");
            if (at >= 0) {
                int end = lines[i].indexOf("</scope>", at);
                return end < 0 ? null : lines[i].substring(at + 7, end).trim();
            }
            if (lines[i].contains("</dependency>")) return null;
        }
        return null;
    }

    /**
     * Whether the Gradle declaration at {@code line} is in a configuration the code never compiles against
     * ({@code runtimeOnly}, {@code developmentOnly}, {@code testRuntimeOnly}): a JDBC driver, a dev-tools jar.
     */
    static boolean runtimeOnly(String gradle, int line) {
        if (gradle == null || line < 1) return false;
        var lines = gradle.split("\n", -1);
        if (line > lines.length) return false;
        return lines[line - 1].trim().matches("(?:runtimeOnly|developmentOnly|testRuntimeOnly)\\b.*");
    }

    private static String module(List<String> roots, String file) {
        String best = "";
        for (var r : roots) if ((r.isEmpty() || file.startsWith(r + "/")) && r.length() >= best.length()) best = r;
        return best;
    }
}
