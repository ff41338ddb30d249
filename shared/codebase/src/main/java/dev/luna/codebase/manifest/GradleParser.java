package dev.luna.codebase.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code build.gradle} and {@code build.gradle.kts}, read as text (never evaluated): declarations in the common
 * configurations as string notation, map notation, {@code platform(...)} and version-catalog accessors; plugins
 * with versions; simple {@code val}/{@code def}/{@code ext} string variables and gradle.properties interpolated.
 * {@code settings.gradle(.kts)} gives the subprojects.
 */
final class GradleParser {
    private static final String CONFIGS = "implementation|api|compileOnly|compileOnlyApi|runtimeOnly|annotationProcessor|kapt|ksp"
            + "|developmentOnly|testImplementation|testRuntimeOnly|testCompileOnly|testAnnotationProcessor|testFixturesImplementation"
            + "|testFixturesApi|androidTestImplementation|debugImplementation|classpath|compile|testCompile|runtime|integrationTestImplementation";
    private static final Pattern DECL = Pattern.compile("^\\s*(" + CONFIGS + ")\\b\\s*\\(?\\s*(.*)$");
    private static final Pattern STRING = Pattern.compile("[\"']([^\"'\\s]+:[^\"'\\s]+?)[\"']");
    private static final Pattern MAP = Pattern.compile("group\\s*[:=]\\s*[\"']([^\"']+)[\"']\\s*,\\s*name\\s*[:=]\\s*[\"']([^\"']+)[\"']"
            + "(?:\\s*,\\s*version\\s*[:=]\\s*[\"']([^\"']+)[\"'])?");
    private static final Pattern CATALOG = Pattern.compile("\\b(libs\\.[A-Za-z0-9_.]+)");
    private static final Pattern PLUGIN = Pattern.compile("^\\s*(?:id\\s*\\(?\\s*[\"']([^\"']+)[\"']\\s*\\)?|kotlin\\s*\\(\\s*\"([^\"]+)\"\\s*\\))"
            + "(?:\\s*version\\s*\\(?\\s*[\"']([^\"']+)[\"'])?");
    private static final Pattern PLUGIN_ALIAS = Pattern.compile("^\\s*alias\\s*\\(\\s*(libs\\.plugins\\.[A-Za-z0-9_.]+)");
    private static final Pattern VARIABLE = Pattern.compile("^\\s*(?:val|var|def|ext\\.|extra\\[\")?\\s*([A-Za-z_][A-Za-z0-9_]*)\"?\\]?\\s*(?::\\s*String\\s*)?=\\s*[\"']([^\"'$]+)[\"']");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_.]*)}?");
    private static final Pattern INCLUDE = Pattern.compile("^\\s*include\\b\\s*\\(?(.*)$");
    private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']+)[\"']");
    private static final Pattern ROOT_NAME = Pattern.compile("rootProject\\.name\\s*=\\s*[\"']([^\"']+)[\"']");

    private GradleParser() {
    }

    static Manifest build(String path, String text, VersionCatalog catalog, Map<String, String> gradleProperties) {
        String kind = path.endsWith(".kts") ? "build.gradle.kts" : "build.gradle";
        var vars = new HashMap<>(gradleProperties);
        var deps = new ArrayList<Dependency>();
        var problems = new ArrayList<String>();
        var lines = text.split("\n", -1);
        boolean inPlugins = false;
        int depth = 0;
        int pluginsDepth = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]);
            var v = VARIABLE.matcher(line);
            if (v.find()) vars.put(v.group(1), v.group(2));
            if (line.matches("^\\s*plugins\\s*\\{.*")) {
                inPlugins = true;
                pluginsDepth = depth;
            }
            if (inPlugins) plugin(line, path, i + 1, catalog, vars, deps);
            else declaration(line, path, i + 1, catalog, vars, deps);
            for (int c = 0; c < line.length(); c++) {
                if (line.charAt(c) == '{') depth++;
                else if (line.charAt(c) == '}') depth--;
            }
            if (inPlugins && depth <= pluginsDepth) inPlugins = false;
        }
        if (depth != 0) problems.add("unbalanced braces (" + (depth > 0 ? depth + " unclosed" : -depth + " extra") + ")");
        return new Manifest(path, kind, null, vars.get("version"), deps, problems, managedBy(text));
    }

    private static final Pattern PLATFORM = Pattern.compile("\\b(?:enforcedPlatform|platform)\\s*\\(\\s*[\"']([^\"']+)[\"']");
    private static final Pattern MAVEN_BOM = Pattern.compile("\\bmavenBom\\s*\\(?\\s*[\"']([^\"']+)[\"']");

    /** What supplies the versions this build file leaves out: platforms, BOMs, Spring's dependency-management plugin. */
    private static List<String> managedBy(String text) {
        var out = new ArrayList<String>();
        var p = PLATFORM.matcher(text);
        while (p.find()) out.add("platform " + p.group(1));
        var b = MAVEN_BOM.matcher(text);
        while (b.find()) out.add("bom " + b.group(1));
        if (text.contains("io.spring.dependency-management")) out.add("plugin io.spring.dependency-management");
        return out;
    }

    private static void declaration(String line, String path, int lineNo, VersionCatalog catalog, Map<String, String> vars,
                                    List<Dependency> deps) {
        var m = DECL.matcher(line);
        if (!m.find()) return;
        String config = m.group(1);
        String rest = m.group(2);
        if (rest.startsWith("project(") || rest.contains("project(\"") || rest.contains("project('") || rest.contains("files(")) return;
        String scope = scope(config);
        var map = MAP.matcher(rest);
        var str = STRING.matcher(rest);
        var cat = CATALOG.matcher(rest);
        if (map.find()) {
            String ver = interpolate(map.group(3), vars);
            deps.add(new Dependency("maven", map.group(1) + ":" + map.group(2), ver, Versions.exact(ver), scope, path, lineNo, true));
        } else if (str.find()) {
            var parts = interpolate(str.group(1), vars).split(":");
            if (parts.length < 2) return;
            String ver = parts.length >= 3 ? parts[2].replaceFirst("@.*$", "") : null;
            deps.add(new Dependency("maven", parts[0] + ":" + parts[1], ver, Versions.exact(ver), scope, path, lineNo, true));
        } else if (cat.find() && catalog != null) {
            var e = catalog.lookup(cat.group(1).replaceFirst("\\.get$", "").replaceFirst("\\.asProvider$", ""));
            if (e != null) deps.add(new Dependency("maven", e.name(), e.version(), Versions.exact(e.version()), scope, path, lineNo, true));
        }
    }

    private static void plugin(String line, String path, int lineNo, VersionCatalog catalog, Map<String, String> vars,
                               List<Dependency> deps) {
        var m = PLUGIN.matcher(line);
        if (m.find()) {
            String id = m.group(1) != null ? m.group(1) : "org.jetbrains.kotlin." + m.group(2);
            String ver = interpolate(m.group(3), vars);
            deps.add(new Dependency("maven", id, ver, Versions.exact(ver), "build", path, lineNo, true));
            return;
        }
        var a = PLUGIN_ALIAS.matcher(line);
        if (a.find() && catalog != null) {
            var e = catalog.lookup(a.group(1));
            if (e != null) deps.add(new Dependency("maven", e.name(), e.version(), Versions.exact(e.version()), "build", path, lineNo, true));
        }
    }

    private static String interpolate(String value, Map<String, String> vars) {
        if (value == null || !value.contains("$")) return value;
        Matcher m = INTERPOLATION.matcher(value);
        var sb = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String v = vars.get(key);
            if (v == null && key.startsWith("project.")) v = vars.get(key.substring(8));
            m.appendReplacement(sb, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String scope(String config) {
        String c = config.toLowerCase(java.util.Locale.ROOT);
        if (c.startsWith("test") || c.startsWith("androidtest") || c.startsWith("integrationtest") || c.startsWith("debug")) return "dev";
        if (c.equals("compileonly") || c.equals("compileonlyapi")) return "provided";
        if (c.equals("annotationprocessor") || c.equals("kapt") || c.equals("ksp") || c.equals("classpath")) return "build";
        if (c.equals("developmentonly")) return "dev";
        return "runtime";
    }

    static String stripComment(String line) {
        int at = line.indexOf("//");
        while (at > 0 && line.charAt(at - 1) == ':') at = line.indexOf("//", at + 2);
        return at < 0 ? line : line.substring(0, at);
    }

    /** Subprojects named by a settings file, as modules rooted where Gradle puts them by default. */
    static Manifest settings(String path, String text, List<Module> modules) {
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        var rootName = ROOT_NAME.matcher(text);
        String name = rootName.find() ? rootName.group(1) : null;
        modules.add(new Module(name == null ? (dir.isEmpty() ? ":" : dir) : name, "gradle", dir, path));
        for (var raw : text.split("\n")) {
            var m = INCLUDE.matcher(stripComment(raw));
            if (!m.find()) continue;
            var q = QUOTED.matcher(m.group(1));
            while (q.find()) {
                String project = q.group(1).startsWith(":") ? q.group(1) : ":" + q.group(1);
                String rel = project.substring(1).replace(':', '/');
                modules.add(new Module(project, "gradle", dir.isEmpty() ? rel : dir + "/" + rel, path));
            }
        }
        return new Manifest(path, path.endsWith(".kts") ? "settings.gradle.kts" : "settings.gradle", name, null, List.of(), List.of());
    }
}
