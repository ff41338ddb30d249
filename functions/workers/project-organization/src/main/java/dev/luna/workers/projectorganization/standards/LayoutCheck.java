package dev.luna.workers.projectorganization.standards;

import dev.luna.workers.projectorganization.Confidence;
import dev.luna.workers.projectorganization.Finding;
import dev.luna.workers.projectorganization.OrganizationReport.Move;
import dev.luna.workers.projectorganization.OrganizationReport.Structure;
import dev.luna.workers.projectorganization.rules.Kinds;
import dev.luna.workers.projectorganization.rules.Tsv;
import dev.luna.workers.projectorganization.tree.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Whether the layout is messy, and a proposed target structure when it is: Java sources outside {@code src/<set>/java},
 * tests among main sources, Java folders that do not match the package, sibling folders with one purpose
 * ({@code layout-synonyms.tsv}), sibling folders named in several styles, and loose files piling up at the root.
 * Moves are proposals only: they break imports and build paths, so none goes into the patch.
 */
public final class LayoutCheck {
    private static final int ROOT_CLUTTER = 8;
    private static final Pattern JAVA_ROOT = Pattern.compile("(^|.*/)src/(main|test|[a-zA-Z]+)/java/.*");
    private static final Pattern TEST_NAME = Pattern.compile(".*(Test|Tests|IT|TestCase)\\.java");
    private static final Set<String> ROOT_DOCS = Set.of("README.md", "CONTRIBUTING.md", "CHANGELOG.md", "CODE_OF_CONDUCT.md", "SECURITY.md",
            "LICENSE.md", "AGENTS.md", "CLAUDE.md", "HISTORY.md", "NOTICE.md", "SUPPORT.md", "GOVERNANCE.md", "MAINTAINERS.md");
    private static final Set<String> SCRIPT_EXT = Set.of("sh", "bash", "ps1", "bat", "cmd");
    private static final Set<String> SOURCE_EXT = Set.of("java", "kt", "js", "ts", "jsx", "tsx", "py", "go", "rb", "php", "c", "cpp", "h", "cs");

    /** Findings plus the verdict. */
    public record Result(List<Finding> findings, Structure structure) {
    }

    private final Kinds kinds;
    private final Map<String, List<String>> synonyms = new TreeMap<>();

    public LayoutCheck(Kinds kinds) {
        this.kinds = kinds;
        Tsv.read("layout-synonyms.tsv", 2).forEach(r -> synonyms.put(r[0], List.of(r[1].split("\\|"))));
    }

    /** @param javaPackages the package each Java file declares, by path */
    public Result run(Project project, Map<String, String> javaPackages, boolean javaBuild) {
        var findings = new ArrayList<Finding>();
        var moves = new ArrayList<Move>();
        var reasons = new TreeSet<String>();
        var stray = new ArrayList<String>();
        var tests = new ArrayList<String>();
        var mismatched = new ArrayList<String>();
        for (var e : project.sources()) {
            String path = e.path();
            if (!path.endsWith(".java") || e.name().equals("module-info.java") || e.name().equals("package-info.java")) continue;
            String pkg = javaPackages.get(path);
            String pkgPath = pkg == null || pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/";
            if (javaBuild && !JAVA_ROOT.matcher(path).matches()) {
                stray.add(path);
                moves.add(new Move(path, "src/main/java/" + pkgPath + e.name(), "Java sources belong under the build's src/main/java"));
            } else if (path.contains("src/main/java/") && TEST_NAME.matcher(e.name()).matches()) {
                tests.add(path);
                moves.add(new Move(path, path.replace("src/main/java/", "src/test/java/"), "tests belong under src/test/java"));
            } else if (pkg != null && JAVA_ROOT.matcher(path).matches() && !e.dir().endsWith(pkgPath.isEmpty() ? "java" : pkgPath.substring(0, pkgPath.length() - 1))) {
                mismatched.add(path);
                String root = path.substring(0, path.indexOf("/java/") + 6);
                moves.add(new Move(path, root + pkgPath + e.name(), "its package is " + pkg));
            }
        }
        if (!stray.isEmpty()) {
            reasons.add(count(stray.size(), "Java file") + " outside src/<set>/java");
            findings.add(kinds.finding("layout-stray-sources", "java", stray, count(stray.size(), "Java file") + " sit outside the build's source folders "
                    + "(src/main/java, src/test/java), so the build either misses them or needs custom paths.", Confidence.MEDIUM,
                    "move them under src/main/java in their package's folder"));
        }
        if (!tests.isEmpty()) {
            reasons.add(count(tests.size(), "test class") + " among main sources");
            findings.add(kinds.finding("layout-misplaced-tests", "src/main/java", tests, count(tests.size(), "class") + " named like tests sit in "
                    + "src/main/java, so they ship with the product and need test libraries at run time.", Confidence.MEDIUM,
                    "move them to src/test/java"));
        }
        if (!mismatched.isEmpty()) {
            reasons.add(count(mismatched.size(), "Java file") + " whose folder does not match the package");
            findings.add(kinds.finding("layout-package-mismatch", "java-packages", mismatched, count(mismatched.size(), "Java file")
                    + " declare a package that the folder does not spell, which confuses tools and readers.",
                    Confidence.HIGH, "move each file to the folder of its package"));
        }
        duplicates(project, findings, moves, reasons);
        naming(project, findings, reasons);
        rootClutter(project, findings, moves, reasons);
        moves.sort((a, b) -> a.from().compareTo(b.from()));
        if (reasons.isEmpty()) return new Result(findings, Structure.TIDY);
        return new Result(findings, new Structure(true, List.copyOf(reasons), moves, target(project, moves)));
    }

    private void duplicates(Project project, List<Finding> findings, List<Move> moves, Set<String> reasons) {
        Map<String, Set<String>> children = children(project);
        children.forEach((parent, names) -> synonyms.forEach((canonical, group) -> {
            var found = names.stream().filter(group::contains).toList();
            if (found.size() < 2) return;
            String prefix = parent.isEmpty() ? "" : parent + "/";
            String target = found.contains(canonical) ? canonical : found.getFirst();
            var dirs = found.stream().map(n -> prefix + n).toList();
            reasons.add("folders with one purpose side by side in " + (parent.isEmpty() ? "the root" : parent) + ": " + String.join(", ", found));
            for (var n : found) if (!n.equals(target)) moves.add(new Move(prefix + n + "/", prefix + target + "/", "same purpose as " + target));
            findings.add(kinds.finding("layout-duplicate-dirs", prefix + String.join("+", found), dirs, "Sibling folders "
                    + String.join(", ", found) + " hold the same kind of code, so a newcomer cannot tell where a helper goes.",
                    Confidence.MEDIUM, "merge them into " + prefix + target + "/"));
        }));
    }

    private void naming(Project project, List<Finding> findings, Set<String> reasons) {
        children(project).forEach((parent, names) -> {
            var styles = new TreeMap<String, List<String>>();
            for (var n : names) {
                String style = n.contains("-") ? "kebab-case" : n.contains("_") ? "snake_case"
                        : n.matches("[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*[A-Z].*|[A-Z][a-z0-9]+") ? "PascalCase"
                        : n.matches("[a-z][a-z0-9]*[A-Z].*") ? "camelCase" : null;
                if (style != null && !n.startsWith(".") && !n.startsWith("_")) styles.computeIfAbsent(style, k -> new ArrayList<>()).add(n);
            }
            if (styles.size() < 2 || styles.values().stream().mapToInt(List::size).sum() < 3) return;
            String where = parent.isEmpty() ? "the root" : parent;
            reasons.add("folders in " + where + " named in " + String.join(", ", styles.keySet()));
            var dirs = new ArrayList<String>();
            styles.values().forEach(l -> l.forEach(n -> dirs.add(parent.isEmpty() ? n : parent + "/" + n)));
            findings.add(kinds.finding("layout-mixed-naming", parent.isEmpty() ? "." : parent, dirs, "Folders in " + where + " follow "
                    + styles.size() + " naming styles: " + styles + ".", Confidence.MEDIUM, "rename them to one style (kebab-case is the usual)"));
        });
    }

    private void rootClutter(Project project, List<Finding> findings, List<Move> moves, Set<String> reasons) {
        var loose = new ArrayList<String>();
        var local = new ArrayList<Move>();
        var moved = new java.util.HashSet<String>();
        moves.forEach(m -> moved.add(m.from()));
        for (var e : project.sources()) {
            if (e.path().contains("/") || moved.contains(e.path())) continue;
            String ext = e.name().contains(".") ? e.name().substring(e.name().lastIndexOf('.') + 1) : "";
            if (SCRIPT_EXT.contains(ext)) local.add(new Move(e.path(), "scripts/" + e.name(), "scripts in one folder"));
            else if (ext.equals("md") && !ROOT_DOCS.contains(e.name())) local.add(new Move(e.path(), "docs/" + e.name(), "documents in one folder"));
            else if (SOURCE_EXT.contains(ext)) local.add(new Move(e.path(), "src/" + e.name(), "sources in one folder"));
            else continue;
            loose.add(e.path());
        }
        if (loose.size() < ROOT_CLUTTER) return;
        reasons.add(loose.size() + " loose scripts, documents and sources at the root");
        moves.addAll(local);
        findings.add(kinds.finding("layout-root-clutter", ".", loose, loose.size() + " scripts, documents and source files lie at the "
                + "project root, burying the files a newcomer looks for first.", Confidence.MEDIUM, "move them into scripts/, docs/ and src/"));
    }

    static String count(int n, String noun) {
        String plural = noun.endsWith("s") ? noun + "es" : noun + "s";
        return n + " " + (n == 1 ? noun : plural);
    }

    private static Map<String, Set<String>> children(Project project) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (var e : project.sources()) {
            var parts = e.path().split("/");
            String parent = "";
            for (int i = 0; i < parts.length - 1 && i < 6; i++) {
                out.computeIfAbsent(parent, k -> new TreeSet<>()).add(parts[i]);
                parent = parent.isEmpty() ? parts[i] : parent + "/" + parts[i];
            }
        }
        return out;
    }

    /** The top level after the moves: each entry marked kept, new or merged. */
    private static String target(Project project, List<Move> moves) {
        var top = new TreeMap<String, String>();
        for (var e : project.sources()) {
            int slash = e.path().indexOf('/');
            top.put(slash < 0 ? e.path() : e.path().substring(0, slash + 1), "");
        }
        for (var m : moves) {
            if (!m.from().contains("/") || m.from().endsWith("/") && m.from().indexOf('/') == m.from().length() - 1) top.remove(m.from());
            int slash = m.to().indexOf('/');
            String head = slash < 0 ? m.to() : m.to().substring(0, slash + 1);
            if (!top.containsKey(head) || !top.get(head).isEmpty()) top.merge(head, "(receives moved files)", (a, b) -> b);
        }
        var sb = new StringBuilder();
        top.forEach((name, note) -> sb.append(name).append(note.isEmpty() ? "" : "  " + note).append('\n'));
        return sb.toString();
    }
}
