package dev.luna.codebase.manifest;

import dev.luna.codebase.source.SourceReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Finds and parses every manifest and lockfile among the project's files. Malformed files become
 * {@link Manifest#problems()}, never exceptions. Dependencies are sorted by ecosystem, name, then line; manifests by
 * path; modules by root, kind, name.
 */
public final class Manifests {
    /** What the manifests say. */
    public record Result(List<Manifest> manifests, List<Module> modules) {
    }

    private static final Comparator<Dependency> DEPENDENCY_ORDER = Comparator.comparing(Dependency::ecosystem)
            .thenComparing(Dependency::name).thenComparingInt(Dependency::line).thenComparing(Dependency::scope)
            .thenComparing(d -> String.valueOf(d.version()));

    private final UnaryOperator<String> mask;

    /** @param mask applied to every version string (a git URL may carry a token) */
    public Manifests(UnaryOperator<String> mask) {
        this.mask = mask;
    }

    /** Whether a file name is one this class reads. */
    public static boolean isManifest(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return switch (name) {
            case "pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "package.json",
                 "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "pnpm-workspace.yaml",
                 "pyproject.toml", "setup.cfg", "go.mod", "Package.swift", "Package.resolved" -> true;
            default -> isRequirements(path) || name.endsWith(".versions.toml") && path.contains("gradle/");
        };
    }

    static boolean isRequirements(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".txt") && (name.startsWith("requirements") || path.contains("requirements/"));
    }

    public Result parse(List<String> files, SourceReader reader, java.util.function.BooleanSupplier stop) {
        var texts = new HashMap<String, String>();
        for (var f : files) {
            if (stop.getAsBoolean()) break;
            if (!isManifest(f)) continue;
            var t = reader.read(f);
            if (t != null && (!t.text().isEmpty() || t.bytes() == 0)) texts.put(f, t.text());
        }
        var manifests = new ArrayList<Manifest>();
        var modules = new ArrayList<Module>();
        var sorted = new TreeSet<>(texts.keySet());
        var catalogs = new HashMap<String, VersionCatalog>();
        var poms = new PomParser();
        var declaredNpm = new HashMap<String, Set<String>>();
        var workspaceGlobs = new HashMap<String, List<String>>();
        var packageJsons = new ArrayList<String>();
        var swiftUrls = new HashMap<String, Set<String>>();
        for (var path : sorted) {
            String name = name(path);
            String text = texts.get(path);
            if (name.equals("pom.xml")) poms.add(path, text);
            else if (name.endsWith(".versions.toml")) catalogs.put(dir(dir(path)), new VersionCatalog(path, text));
            else if (name.equals("package.json")) {
                var pj = NpmParser.packageJson(path, text);
                manifests.add(pj.manifest());
                packageJsons.add(path);
                var names = new HashSet<String>();
                pj.manifest().dependencies().forEach(d -> names.add(d.name()));
                declaredNpm.put(dir(path), names);
                if (!pj.workspaces().isEmpty()) workspaceGlobs.put(dir(path), pj.workspaces());
                if (pj.manifest().problems().isEmpty()) {
                    modules.add(new Module(pj.manifest().name() == null ? dir(path) : pj.manifest().name(), "npm", dir(path), path));
                }
            } else if (name.equals("pnpm-workspace.yaml")) {
                workspaceGlobs.merge(dir(path), LockParsers.pnpmWorkspace(text), (a, b) -> {
                    var all = new ArrayList<>(a);
                    all.addAll(b);
                    return all;
                });
            } else if (name.equals("Package.swift")) {
                var m = GoSwiftParsers.packageSwift(path, text, modules);
                manifests.add(m);
                var urls = new HashSet<String>();
                m.dependencies().forEach(d -> urls.add(GoSwiftParsers.normalizeUrl(d.name())));
                swiftUrls.put(dir(path), urls);
            }
        }
        manifests.addAll(poms.manifests(modules));
        var gradleProps = new HashMap<String, Map<String, String>>();
        for (var path : sorted) {
            String name = name(path);
            String text = texts.get(path);
            Set<String> npm = declaredUnder(declaredNpm, dir(path));
            switch (name) {
                case "build.gradle", "build.gradle.kts" -> manifests.add(GradleParser.build(path, text, catalog(catalogs, path),
                        gradleProps.computeIfAbsent(dir(path), d -> gradleProperties(reader, d))));
                case "settings.gradle", "settings.gradle.kts" -> manifests.add(GradleParser.settings(path, text, modules));
                case "package-lock.json", "npm-shrinkwrap.json" -> manifests.add(NpmParser.lock(path, text, npm));
                case "yarn.lock" -> manifests.add(LockParsers.yarn(path, text, npm));
                case "pnpm-lock.yaml" -> manifests.add(LockParsers.pnpm(path, text, npm));
                case "pyproject.toml" -> {
                    var m = PythonParsers.pyproject(path, text);
                    manifests.add(m);
                    if (m.name() != null) modules.add(new Module(m.name(), "python", dir(path), path));
                }
                case "setup.cfg" -> manifests.add(PythonParsers.setupCfg(path, text));
                case "go.mod" -> manifests.add(GoSwiftParsers.goMod(path, text, modules));
                case "Package.resolved" -> manifests.add(GoSwiftParsers.packageResolved(path, text,
                        swiftUrls.getOrDefault(dir(path), Set.of())));
                default -> {
                    if (isRequirements(path)) {
                        manifests.add(PythonParsers.requirements(path, text, reader::readOptional, texts::containsKey));
                    }
                }
            }
        }
        catalogs.values().forEach(c -> manifests.add(c.manifest()));
        workspaces(workspaceGlobs, packageJsons, modules);
        var out = new ArrayList<Manifest>();
        for (var m : manifests) {
            var deps = new ArrayList<Dependency>();
            for (var d : m.dependencies()) {
                deps.add(new Dependency(d.ecosystem(), d.name(), d.version() == null ? null : mask.apply(d.version()), d.pinned(),
                        d.scope(), d.manifest(), d.line(), d.direct()));
            }
            deps.sort(DEPENDENCY_ORDER);
            out.add(new Manifest(m.path(), m.kind(), m.name(), m.version(), deps, m.problems(), m.managedBy()));
        }
        out.sort(Comparator.comparing(Manifest::path).thenComparing(Manifest::kind));
        var unique = new TreeSet<>(Module.ORDER);
        unique.addAll(modules);
        return new Result(out, List.copyOf(unique));
    }

    /** Names declared by every package.json at or under a lockfile's directory (its workspace packages too). */
    private static Set<String> declaredUnder(Map<String, Set<String>> declared, String dir) {
        var out = new HashSet<String>();
        declared.forEach((d, names) -> {
            if (dir.isEmpty() || d.equals(dir) || d.startsWith(dir + "/")) out.addAll(names);
        });
        return out;
    }

    private static VersionCatalog catalog(Map<String, VersionCatalog> catalogs, String path) {
        for (String d = dir(path); ; d = dir(d)) {
            var c = catalogs.get(d);
            if (c != null) return c;
            if (d.isEmpty()) return null;
        }
    }

    private static Map<String, String> gradleProperties(SourceReader reader, String dir) {
        var props = new HashMap<String, String>();
        for (String d = dir; ; d = dir(d)) {
            String text = reader.readOptional(d.isEmpty() ? "gradle.properties" : d + "/gradle.properties");
            if (text != null) {
                for (var l : text.split("\n")) {
                    int eq = l.indexOf('=');
                    if (eq > 0 && !l.trim().startsWith("#")) props.putIfAbsent(l.substring(0, eq).trim(), l.substring(eq + 1).trim());
                }
            }
            if (d.isEmpty()) return props;
        }
    }

    /** Workspace packages: each package.json under a workspace glob is a module of that workspace. */
    private static void workspaces(Map<String, List<String>> globs, List<String> packageJsons, List<Module> modules) {
        for (var e : globs.entrySet()) {
            for (var glob : e.getValue()) {
                if (glob.startsWith("!")) continue;
                String base = e.getKey().isEmpty() ? "" : e.getKey() + "/";
                var regex = Pattern.compile(globRegex(PomParser.normalize(base + glob.replaceFirst("^\\./", "")).replaceAll("/$", "")));
                for (var pj : packageJsons) {
                    boolean known = modules.stream().anyMatch(m -> m.kind().equals("npm") && m.root().equals(dir(pj)));
                    if (!known && regex.matcher(dir(pj)).matches()) modules.add(new Module(dir(pj), "npm", dir(pj), pj));
                }
            }
        }
    }

    static String globRegex(String glob) {
        var sb = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                sb.append(".*");
                i++;
            } else if (c == '*') sb.append("[^/]*");
            else if (c == '?') sb.append("[^/]");
            else sb.append(Pattern.quote(String.valueOf(c)));
        }
        return sb.toString();
    }

    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
