package dev.luna.workers.projectorganization.unused;

import dev.luna.workers.projectorganization.rules.Globs;
import dev.luna.workers.projectorganization.tree.Project;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The JavaScript/TypeScript module graph of every npm package in the tree, as knip builds it: entries from each
 * {@code package.json} (main, module, exports, bin, files its scripts name), conventional entry names, HTML script
 * tags, tool configuration, tests and framework routes; edges from {@code import}, {@code export … from},
 * {@code require}, {@code import()} and {@code import.meta.glob} with literal specifiers, resolved through relative
 * paths, tsconfig {@code paths}/{@code baseUrl} and workspace package names. Built from source text only.
 */
public final class ScriptGraph {
    static final Pattern SOURCE = Pattern.compile(".*\\.(?:[cm]?[jt]sx?|vue|svelte)$");
    private static final Pattern IMPORT = Pattern.compile("(?:\\bimport|\\bexport)\\s[^'\";]*?\\bfrom\\s*['\"]([^'\"\\n]+)['\"]"
            + "|\\bimport\\s*['\"]([^'\"\\n]+)['\"]|\\b(?:import|require)\\s*\\(\\s*['\"]([^'\"\\n]+)['\"]\\s*\\)");
    private static final Pattern GLOB = Pattern.compile("import\\.meta\\.glob(?:Eager)?\\s*\\(\\s*['\"]([^'\"\\n]+)['\"]");
    private static final Pattern DYNAMIC = Pattern.compile("\\b(?:import|require)\\s*\\(\\s*(?!['\"`)\\s])|require\\.context\\s*\\(");
    private static final Pattern HTML_REF = Pattern.compile("<(?:script|link)\\b[^>]*?\\b(?:src|href)\\s*=\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern LINE_COMMENT = Pattern.compile("(?m)^\\s*//.*$");
    private static final Pattern CONFIG = Pattern.compile("(.*\\.config\\.[cm]?[jt]s|\\.[\\w-]+rc\\.[cm]?[jt]s|[Gg]runtfile\\.js|[Gg]ulpfile\\.[jt]s"
            + "|(setup|jest\\.setup|vitest\\.setup|setupTests)\\.[cm]?[jt]sx?)");
    private static final Pattern TEST = Pattern.compile("(^|.*/)(__tests__|__mocks__|test|tests|e2e|cypress|playwright|stories)/.*"
            + "|.*\\.(test|spec|stories|story|e2e|bench)\\.[^/]*");
    private static final Pattern ROUTE = Pattern.compile("(^|.*/)(pages|routes)/.*|(^|.*/)app/(.*/)?(page|layout|route|loading|error|not-found"
            + "|template|default|head|_layout)\\.[^/]*|(^|.*/)\\+[^/]*|(^|.*/)middleware\\.[cm]?[jt]s");
    private static final String[] EXTENSIONS = {"", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts", ".vue", ".svelte", ".json"};
    private static final String[] CONVENTIONAL = {"index", "main", "cli", "src/index", "src/main", "src/cli"};

    /** One import: {@code target} when it resolves to a project file, {@code external} when it names a package outside. */
    public record Edge(String from, String specifier, String target, String external) {
    }

    private final Map<String, PackageInfo> packages = new TreeMap<>();
    private final List<String> modules = new ArrayList<>();
    private final Map<String, List<Edge>> edges = new TreeMap<>();
    private final Map<String, String> roots = new TreeMap<>();
    private final Set<String> dynamic = new TreeSet<>();
    private final Set<String> files;
    private final Map<String, Map<String, List<String>>> aliases = new HashMap<>();

    private ScriptGraph(Set<String> files) {
        this.files = files;
    }

    /** The graph of the project's own files (junk left out). */
    public static ScriptGraph build(Project project) {
        var all = new HashSet<String>();
        project.sources().forEach(e -> all.add(e.path()));
        var g = new ScriptGraph(all);
        for (var e : project.sources()) {
            if (!e.name().equals("package.json")) continue;
            g.packages.put(e.dir(), PackageInfo.of(e.dir(), project.text(e.path())));
            for (var ts : List.of("tsconfig.json", "jsconfig.json")) {
                String p = e.dir().isEmpty() ? ts : e.dir() + "/" + ts;
                if (all.contains(p)) g.aliases.put(e.dir(), PackageInfo.aliases(project.text(p)));
            }
        }
        if (g.packages.isEmpty()) return g;
        for (var e : project.sources()) {
            if (project.stopped()) break;
            String path = e.path();
            if (e.name().endsWith(".html") && g.packageOf(path) != null) g.html(path, project.text(path));
            if (!SOURCE.matcher(path).matches() || path.endsWith(".d.ts") || g.packageOf(path) == null) continue;
            g.modules.add(path);
            g.module(path, project.text(path));
        }
        g.entries();
        return g;
    }

    private void module(String path, String text) {
        if (text == null) return;
        String code = LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(text).replaceAll(" ")).replaceAll("");
        var list = edges.computeIfAbsent(path, k -> new ArrayList<>());
        var m = IMPORT.matcher(code);
        while (m.find()) {
            String spec = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            list.add(resolveEdge(path, spec));
        }
        var g = GLOB.matcher(code);
        while (g.find()) {
            String base = Project.parent(path);
            var pattern = Globs.compile(normalize(base.isEmpty() ? g.group(1) : base + "/" + g.group(1)));
            for (var f : files) if (pattern.matcher(f).matches()) list.add(new Edge(path, g.group(1), f, null));
        }
        if (DYNAMIC.matcher(code).find()) dynamic.add(packageOf(path));
    }

    private void html(String path, String text) {
        if (text == null) return;
        var m = HTML_REF.matcher(text);
        String pkg = packageOf(path);
        while (m.find()) {
            String ref = m.group(1);
            if (ref.contains("://") || ref.startsWith("//")) continue;
            String target = ref.startsWith("/") ? resolveFile(join(pkg, ref.substring(1))) : resolveFile(join(Project.parent(path), ref));
            if (target != null) roots.putIfAbsent(target, "named by " + path);
        }
    }

    private Edge resolveEdge(String from, String spec) {
        if (spec.startsWith(".")) return new Edge(from, spec, resolveFile(join(Project.parent(from), spec)), null);
        if (spec.startsWith("/") || spec.contains(":") || spec.startsWith("#")) return new Edge(from, spec, null, null);
        String pkg = packageOf(from);
        for (var a : aliases.getOrDefault(pkg, Map.of()).entrySet()) {
            if (a.getKey().isEmpty() || !spec.startsWith(a.getKey())) continue;
            for (var t : a.getValue()) {
                String hit = resolveFile(join(pkg, t + spec.substring(a.getKey().length())));
                if (hit != null) return new Edge(from, spec, hit, null);
            }
        }
        String name = packageName(spec);
        for (var p : packages.values()) {
            if (!name.equals(p.name())) continue;
            String rest = spec.substring(name.length()).replaceFirst("^/", "");
            String hit = rest.isEmpty() ? firstEntry(p) : resolveFile(join(p.dir(), rest));
            return new Edge(from, spec, hit, null);
        }
        var base = aliases.getOrDefault(pkg, Map.of()).get("");
        if (base != null) {
            String hit = resolveFile(join(pkg, base.getFirst() + spec));
            if (hit != null) return new Edge(from, spec, hit, null);
        }
        return new Edge(from, spec, null, name);
    }

    private void entries() {
        for (var p : packages.values()) {
            for (var spec : p.entries()) {
                String hit = resolveFile(join(p.dir(), spec));
                if (hit != null) roots.putIfAbsent(hit, "named by " + join(p.dir(), "package.json"));
            }
            for (var c : CONVENTIONAL) {
                String hit = resolveFile(join(p.dir(), c));
                if (hit != null) roots.putIfAbsent(hit, "conventional entry of " + join(p.dir(), "package.json"));
            }
        }
        for (var m : modules) {
            String rel = relativeToPackage(m);
            String name = m.substring(m.lastIndexOf('/') + 1);
            if (CONFIG.matcher(name).matches()) roots.putIfAbsent(m, "tool configuration");
            else if (TEST.matcher(rel).matches()) roots.putIfAbsent(m, "test or story");
            else if (ROUTE.matcher(rel).matches()) roots.putIfAbsent(m, "framework route");
        }
    }

    private String firstEntry(PackageInfo p) {
        for (var spec : p.entries()) {
            String hit = resolveFile(join(p.dir(), spec));
            if (hit != null) return hit;
        }
        for (var c : CONVENTIONAL) {
            String hit = resolveFile(join(p.dir(), c));
            if (hit != null) return hit;
        }
        return null;
    }

    /** The project file a path (without or with extension, or a folder with an index) names, or null. */
    String resolveFile(String path) {
        if (path == null) return null;
        path = normalize(path);
        if (path == null) return null;
        for (var ext : EXTENSIONS) if (files.contains(path + ext)) return path + ext;
        var ts = path.replaceFirst("\\.js$", ".ts").replaceFirst("\\.jsx$", ".tsx").replaceFirst("\\.mjs$", ".mts").replaceFirst("\\.cjs$", ".cts");
        if (!ts.equals(path)) {
            if (files.contains(ts)) return ts;
            if (path.endsWith(".js") && files.contains(ts + "x")) return ts + "x";
        }
        for (var ext : EXTENSIONS) if (!ext.isEmpty() && files.contains(path + "/index" + ext)) return path + "/index" + ext;
        return null;
    }

    static String normalize(String path) {
        var out = new ArrayList<String>();
        for (var part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                if (out.isEmpty()) return null;
                out.removeLast();
            } else out.add(part);
        }
        return String.join("/", out);
    }

    private static String join(String dir, String rel) {
        rel = rel.replaceFirst("^\\./", "");
        return dir.isEmpty() ? rel : dir + "/" + rel;
    }

    static String packageName(String spec) {
        var parts = spec.split("/");
        return spec.startsWith("@") && parts.length > 1 ? parts[0] + "/" + parts[1] : parts[0];
    }

    /** The folder of the nearest package.json above {@code path}, or null. */
    public String packageOf(String path) {
        for (String d = Project.parent(path); ; d = Project.parent(d)) {
            if (packages.containsKey(d)) return d;
            if (d.isEmpty()) return null;
        }
    }

    private String relativeToPackage(String path) {
        String pkg = packageOf(path);
        return pkg == null || pkg.isEmpty() ? path : path.substring(pkg.length() + 1);
    }

    public List<String> modules() {
        return List.copyOf(modules);
    }

    /** Entry files and why each is one. */
    public Map<String, String> roots() {
        return Map.copyOf(roots);
    }

    public List<Edge> edges(String from) {
        return edges.getOrDefault(from, List.of());
    }

    /** Every file reachable from the entries (modules and the files they import: styles, images, JSON). */
    public Set<String> reachable() {
        var seen = new HashSet<String>(roots.keySet());
        var queue = new ArrayDeque<>(roots.keySet());
        while (!queue.isEmpty()) {
            for (var e : edges(queue.poll())) {
                if (e.target() != null && seen.add(e.target())) queue.add(e.target());
            }
        }
        return seen;
    }

    /** Whether some module of the package loads modules by a computed name (so unreached is less certain). */
    public boolean dynamic(String packageDir) {
        return dynamic.contains(packageDir);
    }

    public Map<String, PackageInfo> packages() {
        return Map.copyOf(packages);
    }

    /** The packages outside the project each package's modules import: package folder → package name → importing files. */
    public Map<String, Map<String, Set<String>>> externals() {
        var out = new TreeMap<String, Map<String, Set<String>>>();
        edges.forEach((from, list) -> {
            for (var e : list) {
                if (e.external() == null) continue;
                out.computeIfAbsent(packageOf(from), k -> new TreeMap<>()).computeIfAbsent(e.external(), k -> new TreeSet<>()).add(from);
            }
        });
        return out;
    }
}
