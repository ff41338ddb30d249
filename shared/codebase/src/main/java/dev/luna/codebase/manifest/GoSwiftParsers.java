package dev.luna.codebase.manifest;

import dev.luna.core.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** go.mod, Package.swift (read as text, never evaluated) and Package.resolved (v1–v3). */
final class GoSwiftParsers {
    private static final Pattern GO_REQ = Pattern.compile("^\\s*(?:require\\s+)?([^\\s()]+)\\s+(v[^\\s]+)(\\s*//\\s*indirect)?");
    private static final Pattern SWIFT_PACKAGE = Pattern.compile("\\.package\\s*\\(([^()]*(?:\\([^()]*\\)[^()]*)*)\\)");
    private static final Pattern SWIFT_URL = Pattern.compile("url:\\s*\"([^\"]+)\"");
    private static final Pattern SWIFT_EXACT = Pattern.compile("(?:exact:|\\.exact\\()\\s*\"([^\"]+)\"");
    private static final Pattern SWIFT_FROM = Pattern.compile("(?:from:|upToNextMajor\\(from:|upToNextMinor\\(from:)\\s*\"([^\"]+)\"");
    private static final Pattern SWIFT_RANGE = Pattern.compile("\"([^\"]+)\"\\s*(\\.\\.<|\\.\\.\\.)\\s*\"([^\"]+)\"");
    private static final Pattern SWIFT_REF = Pattern.compile("(branch|revision):\\s*\"([^\"]+)\"");
    private static final Pattern SWIFT_NAME = Pattern.compile("Package\\s*\\(\\s*name:\\s*\"([^\"]+)\"");

    private GoSwiftParsers() {
    }

    static Manifest goMod(String path, String text, List<Module> modules) {
        var deps = new ArrayList<Dependency>();
        var problems = new ArrayList<String>();
        String module = null;
        boolean inRequire = false;
        var lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            String t = l.trim();
            if (t.startsWith("module ")) module = t.substring(7).trim().replace("\"", "");
            if (t.startsWith("require (")) {
                inRequire = true;
                continue;
            }
            if (inRequire && t.equals(")")) {
                inRequire = false;
                continue;
            }
            if (inRequire || t.startsWith("require ")) {
                var m = GO_REQ.matcher(l);
                if (m.find()) {
                    deps.add(new Dependency("golang", m.group(1), m.group(2), true, "runtime", path, i + 1, m.group(3) == null));
                } else if (!t.isEmpty() && !t.startsWith("//")) {
                    problems.add("line " + (i + 1) + ": unreadable require");
                }
            }
        }
        if (inRequire) problems.add("unterminated require block");
        if (module == null) problems.add("no module directive");
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        if (module != null) modules.add(new Module(module, "go", dir, path));
        return new Manifest(path, "go.mod", module, null, deps, problems);
    }

    static Manifest packageSwift(String path, String text, List<Module> modules) {
        var deps = new ArrayList<Dependency>();
        var m = SWIFT_PACKAGE.matcher(text);
        while (m.find()) {
            String args = m.group(1);
            var url = SWIFT_URL.matcher(args);
            if (!url.find()) continue;
            String version = null;
            boolean pinned = false;
            var exact = SWIFT_EXACT.matcher(args);
            var from = SWIFT_FROM.matcher(args);
            var range = SWIFT_RANGE.matcher(args);
            var ref = SWIFT_REF.matcher(args);
            if (exact.find()) {
                version = exact.group(1);
                pinned = true;
            } else if (from.find()) {
                version = ">=" + from.group(1);
            } else if (range.find()) {
                version = range.group(1) + range.group(2) + range.group(3);
            } else if (ref.find()) {
                version = ref.group(1) + ":" + ref.group(2);
                pinned = ref.group(1).equals("revision");
            }
            int line = 1;
            for (int i = 0; i < m.start(); i++) if (text.charAt(i) == '\n') line++;
            deps.add(new Dependency("swift", url.group(1), version, pinned, "runtime", path, line, true));
        }
        var name = SWIFT_NAME.matcher(text);
        String n = name.find() ? name.group(1) : null;
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        modules.add(new Module(n == null ? dir : n, "swift", dir, path));
        var problems = new ArrayList<String>();
        if (!text.contains("Package(")) problems.add("no Package(...) declaration");
        return new Manifest(path, "Package.swift", n, null, deps, problems);
    }

    static Manifest packageResolved(String path, String text, Set<String> declaredUrls) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (RuntimeException e) {
            return new Manifest(path, "Package.resolved", null, null, List.of(), List.of(NpmParser.problem(e)));
        }
        var pins = root.path("pins").isArray() ? root.path("pins") : root.path("object").path("pins");
        var deps = new ArrayList<Dependency>();
        for (var p : pins) {
            String url = p.path("location").asString(p.path("repositoryURL").asString(null));
            if (url == null) continue;
            var state = p.path("state");
            String v = state.path("version").asString(null);
            if (v == null) v = state.path("revision").asString(null);
            int line = Versions.lineOf(text, "\"" + url + "\"", 1);
            deps.add(new Dependency("swift", url, v, v != null, "runtime", path, line, declaredUrls.contains(normalizeUrl(url))));
        }
        return new Manifest(path, "Package.resolved", null, null, deps, List.of());
    }

    static String normalizeUrl(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        return u.endsWith(".git") ? u.substring(0, u.length() - 4) : u;
    }
}
