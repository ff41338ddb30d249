package dev.luna.codebase.manifest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/** requirements*.txt (with {@code -r} includes), pyproject.toml (PEP 621, PEP 735 groups, Poetry) and setup.cfg. */
final class PythonParsers {
    /** PEP 508: name, [extras], version spec (with or without parentheses), ; markers, or name @ url. */
    private static final Pattern REQUIREMENT = Pattern.compile(
            "^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(\\[[^]]*])?\\s*(?:@\\s*(\\S+)|\\(?\\s*([<>=!~][^;()]*)\\)?)?\\s*(?:;.*)?$");
    private static final Pattern EGG = Pattern.compile("[#&]egg=([A-Za-z0-9._-]+)");

    private PythonParsers() {
    }

    /** A requirement string as a dependency; null for lines that are not requirements. */
    static Dependency requirement(String spec, String scope, String path, int line) {
        String s = spec.trim();
        if (s.isEmpty() || s.startsWith("-") && !s.startsWith("-e")) return null;
        if (s.startsWith("-e ") || s.startsWith("git+") || s.contains("://")) {
            var egg = EGG.matcher(s);
            return egg.find() ? new Dependency("pypi", egg.group(1), s.replaceFirst("^-e\\s+", ""), false, scope, path, line, true) : null;
        }
        var m = REQUIREMENT.matcher(s);
        if (!m.matches()) return null;
        String version = m.group(3) != null ? m.group(3) : m.group(4) == null ? null : m.group(4).trim().replace(" ", "");
        boolean pinned = version != null && version.startsWith("==") && !version.contains("*") && !version.contains(",");
        if (pinned) version = version.substring(2);
        else if (version != null && version.startsWith("===")) {
            version = version.substring(3);
            pinned = true;
        }
        return new Dependency("pypi", m.group(1), version == null || version.isEmpty() ? null : version, pinned, scope, path, line, true);
    }

    /**
     * A requirements file. {@code -r}/{@code --requirement} includes that are not parsed on their own
     * ({@code ownManifest} false) are read through {@code reader} and their lines reported against the included file.
     */
    static Manifest requirements(String path, String text, Function<String, String> reader, Function<String, Boolean> ownManifest) {
        var deps = new ArrayList<Dependency>();
        var problems = new ArrayList<String>();
        read(path, text, reader, ownManifest, deps, problems, new HashSet<>(Set.of(path)));
        return new Manifest(path, "requirements.txt", null, null, deps, problems);
    }

    private static void read(String path, String text, Function<String, String> reader, Function<String, Boolean> ownManifest,
                             List<Dependency> deps, List<String> problems, Set<String> seen) {
        var lines = text.replace("\\\r\n", " ").split("\n", -1);
        String scope = path.contains("dev") || path.contains("test") ? "dev" : "runtime";
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            int hash = l.indexOf(" #");
            if (l.trim().startsWith("#")) continue;
            if (hash >= 0) l = l.substring(0, hash);
            while (l.endsWith("\\") && i + 1 < lines.length) l = l.substring(0, l.length() - 1) + " " + lines[++i];
            String t = l.trim();
            if (t.startsWith("-r ") || t.startsWith("--requirement")) {
                String inc = t.replaceFirst("^(-r|--requirement)[ =]\\s*", "").trim();
                String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
                String target = PomParser.normalize(dir + inc);
                if (ownManifest.apply(target) || !seen.add(target) || seen.size() > 16) continue;
                String included = reader.apply(target);
                if (included == null) problems.add("line " + (i + 1) + ": included file not found: " + inc);
                else read(target, included, reader, ownManifest, deps, problems, seen);
                continue;
            }
            t = t.replaceAll("\\s--hash[= ]\\S+", "").trim();
            var d = requirement(t, scope, path, i + 1);
            if (d != null) deps.add(d);
            else if (!t.isEmpty() && !t.startsWith("-")) problems.add("line " + (i + 1) + ": not a requirement: " + shorten(t));
        }
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    static Manifest pyproject(String path, String text) {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(text);
        } catch (RuntimeException e) {
            return new Manifest(path, "pyproject.toml", null, null, List.of(), List.of(Toml.problem(e)));
        }
        var deps = new ArrayList<Dependency>();
        var project = root.path("project");
        for (var s : JsonLines.strings(project.path("dependencies"))) add(deps, s, "runtime", path, text);
        for (var g : project.path("optional-dependencies").properties()) {
            for (var s : JsonLines.strings(g.getValue())) add(deps, s, "optional", path, text);
        }
        for (var g : root.path("dependency-groups").properties()) {
            for (var s : JsonLines.strings(g.getValue())) add(deps, s, "dev", path, text);
        }
        for (var s : JsonLines.strings(root.path("build-system").path("requires"))) add(deps, s, "build", path, text);
        var poetry = root.path("tool").path("poetry");
        poetry(poetry.path("dependencies"), "runtime", path, text, deps);
        poetry(poetry.path("dev-dependencies"), "dev", path, text, deps);
        for (var g : poetry.path("group").properties()) poetry(g.getValue().path("dependencies"), "dev", path, text, deps);
        String name = project.path("name").asString(poetry.path("name").asString(null));
        String version = project.path("version").asString(poetry.path("version").asString(null));
        return new Manifest(path, "pyproject.toml", name, version, deps, List.of());
    }

    private static void add(List<Dependency> deps, String spec, String scope, String path, String text) {
        var d = requirement(spec, scope, path, Versions.lineOf(text, spec, 1));
        if (d != null) deps.add(d);
    }

    private static void poetry(JsonNode table, String scope, String path, String text, List<Dependency> deps) {
        for (Map.Entry<String, JsonNode> e : table.properties()) {
            if (e.getKey().equals("python")) continue;
            var v = e.getValue();
            String version = v.isString() ? v.asString() : v.path("version").asString(v.has("git") ? v.path("git").asString() : null);
            String s = v.path("optional").asBoolean(false) ? "optional" : scope;
            boolean pinned = Versions.exact(version) || version != null && version.startsWith("==");
            int line = Versions.lineOf(text, "\n" + e.getKey(), 1);
            deps.add(new Dependency("pypi", e.getKey(), version, pinned, s, path, line == 0 ? 0 : line + 1, true));
        }
    }

    /** setup.cfg: {@code [options] install_requires} and {@code [options.extras_require]}. */
    static Manifest setupCfg(String path, String text) {
        var deps = new ArrayList<Dependency>();
        String section = "";
        String key = "";
        String name = null;
        var lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            String t = l.trim();
            if (t.startsWith("[")) {
                section = t;
                key = "";
                continue;
            }
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) continue;
            boolean continuation = Character.isWhitespace(l.charAt(0));
            String value = t;
            if (!continuation) {
                int eq = t.indexOf('=');
                if (eq < 0) continue;
                key = t.substring(0, eq).trim();
                value = t.substring(eq + 1).trim();
                if (section.equals("[metadata]") && key.equals("name")) name = value;
            }
            boolean install = section.equals("[options]") && (key.equals("install_requires") || key.equals("setup_requires"));
            boolean extra = section.equals("[options.extras_require]");
            if ((install || extra) && !value.isEmpty()) {
                var d = requirement(value, extra ? "optional" : key.equals("setup_requires") ? "build" : "runtime", path, i + 1);
                if (d != null) deps.add(d);
            }
        }
        return new Manifest(path, "setup.cfg", name, null, deps, List.of());
    }
}
