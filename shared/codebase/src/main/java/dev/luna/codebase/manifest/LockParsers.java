package dev.luna.codebase.manifest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** yarn.lock (v1 and berry) and pnpm-lock.yaml (v5, v6, v9), read line by line. */
final class LockParsers {
    private static final Pattern YARN_VERSION = Pattern.compile("^\\s+version:?\\s+\"?([^\"\\s]+)\"?");
    private static final Pattern PNPM_KEY = Pattern.compile("^ {2}['\"]?/?((?:@[^/@]+/)?[^/@('\"]+)[/@]([^(_:'\"]+)");
    private static final Pattern PNPM_IMPORTER_DEP = Pattern.compile("^ {4,6}['\"]?((?:@[^/]+/)?[^:'\"]+)['\"]?:");

    private LockParsers() {
    }

    static Manifest yarn(String path, String text, Set<String> declared) {
        var deps = new ArrayList<Dependency>();
        var seen = new HashSet<String>();
        var lines = text.split("\n", -1);
        String name = null;
        int headerLine = 0;
        boolean workspace = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.isEmpty() || l.startsWith("#")) continue;
            if (!Character.isWhitespace(l.charAt(0))) {
                String first = l.split(",")[0].trim().replace("\"", "");
                if (first.endsWith(":")) first = first.substring(0, first.length() - 1);
                int at = first.indexOf('@', 1);
                name = at > 0 ? first.substring(0, at) : null;
                workspace = first.contains("@workspace:") || first.startsWith("__metadata");
                headerLine = i + 1;
                continue;
            }
            var m = YARN_VERSION.matcher(l);
            if (name != null && !workspace && m.find() && l.startsWith("  ") && !l.startsWith("   ")) {
                if (seen.add(name + "@" + m.group(1))) {
                    deps.add(new Dependency("npm", name, m.group(1), true, "runtime", path, headerLine, declared.contains(name)));
                }
                name = null;
            }
        }
        var problems = new ArrayList<String>();
        if (deps.isEmpty() && text.contains("version")) problems.add("no entries could be read");
        return new Manifest(path, "yarn.lock", null, null, deps, problems);
    }

    static Manifest pnpm(String path, String text, Set<String> declared) {
        var deps = new ArrayList<Dependency>();
        var seen = new HashSet<String>();
        var lines = text.split("\n", -1);
        String section = "";
        var dev = new HashSet<String>();
        Dependency pending = null;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (!l.isEmpty() && !Character.isWhitespace(l.charAt(0))) {
                section = l.replace(":", "").trim();
                continue;
            }
            if (section.equals("devDependencies") || (section.equals("importers") && l.startsWith("    devDependencies"))) {
                var d = PNPM_IMPORTER_DEP.matcher(l);
                if (d.find() && !l.trim().startsWith("devDependencies")) dev.add(d.group(1));
            }
            if (!section.equals("packages")) continue;
            var m = PNPM_KEY.matcher(l);
            if (m.find() && l.trim().endsWith(":")) {
                if (pending != null) deps.add(pending);
                String name = m.group(1);
                String version = m.group(2);
                pending = seen.add(name + "@" + version)
                        ? new Dependency("npm", name, version, true, "runtime", path, i + 1, declared.contains(name)) : null;
            } else if (pending != null && l.trim().equals("dev: true")) {
                pending = new Dependency("npm", pending.name(), pending.version(), true, "dev", path, pending.line(), pending.direct());
            }
        }
        if (pending != null) deps.add(pending);
        var out = new ArrayList<Dependency>();
        for (var d : deps) {
            out.add(dev.contains(d.name()) && d.direct() ? new Dependency("npm", d.name(), d.version(), true, "dev", path, d.line(), true) : d);
        }
        return new Manifest(path, "pnpm-lock.yaml", null, null, out, List.of());
    }

    /** Workspace globs of a pnpm-workspace.yaml ({@code packages:} list). */
    static List<String> pnpmWorkspace(String text) {
        var out = new ArrayList<String>();
        boolean in = false;
        for (var l : text.split("\n")) {
            if (!l.isEmpty() && !Character.isWhitespace(l.charAt(0))) in = l.startsWith("packages:");
            else if (in && l.trim().startsWith("- ")) out.add(l.trim().substring(2).trim().replace("'", "").replace("\"", ""));
        }
        return out;
    }
}
