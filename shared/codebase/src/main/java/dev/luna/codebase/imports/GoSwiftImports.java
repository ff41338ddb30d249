package dev.luna.codebase.imports;

import dev.luna.codebase.manifest.Module;
import dev.luna.codebase.source.SourceText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Go and Swift imports. A Go import of a project package resolves to that package's directory. */
final class GoSwiftImports {
    private static final Pattern GO_SPEC = Pattern.compile("^\\s*(?:[\\w.]+\\s+)?\"([^\"]+)\"");
    private static final Pattern SWIFT_IMPORT = Pattern.compile("^\\s*(?:@\\w+\\s+)*import\\s+(?:(?:struct|class|enum|protocol|func|var|typealias)\\s+)?([\\w.]+)");

    private GoSwiftImports() {
    }

    /** {@code package main} with {@code func main()} (Go) and {@code @main} (Swift) are entry points. */
    static void entryPoints(SourceText text, List<dev.luna.codebase.EntryPoint> out) {
        String s = text.text();
        if (text.path().endsWith(".go") && Pattern.compile("(?m)^package main\\s*$").matcher(s).find()
                && Pattern.compile("(?m)^func main\\(\\)").matcher(s).find()) {
            out.add(new dev.luna.codebase.EntryPoint("go-main", text.path(), text.path(), 0, "package main"));
        }
        if (text.path().endsWith(".swift") && Pattern.compile("(?m)^\\s*@main\\b").matcher(s).find()) {
            out.add(new dev.luna.codebase.EntryPoint("swift-main", text.path(), text.path(), 0, "@main"));
        }
    }

    static void go(SourceText text, List<ImportEdge> out) {
        var lines = text.text().split("\n", -1);
        boolean block = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            String t = l.trim();
            if (t.startsWith("import (")) {
                block = true;
                continue;
            }
            if (block && t.startsWith(")")) {
                block = false;
                continue;
            }
            if (block || t.startsWith("import ")) {
                var m = GO_SPEC.matcher(block ? l : t.substring(7));
                if (m.find()) out.add(new ImportEdge(text.path(), i + 1, "go", "import", m.group(1), null, null));
            }
            if (t.startsWith("func ") || t.startsWith("type ") || t.startsWith("var ")) {
                if (!block) break;
            }
        }
    }

    static void swift(SourceText text, List<ImportEdge> out) {
        var lines = text.text().split("\n", -1);
        for (int i = 0; i < lines.length && i < 400; i++) {
            var m = SWIFT_IMPORT.matcher(lines[i]);
            if (m.find()) out.add(new ImportEdge(text.path(), i + 1, "swift", "import", m.group(1), null, m.group(1)));
        }
    }

    static List<ImportEdge> resolveGo(List<ImportEdge> edges, List<Module> modules, List<String> files) {
        var dirs = new HashSet<String>();
        for (var f : files) if (f.endsWith(".go")) dirs.add(f.contains("/") ? f.substring(0, f.lastIndexOf('/')) : "");
        var out = new ArrayList<ImportEdge>();
        for (var e : edges) {
            if (!e.language().equals("go")) {
                out.add(e);
                continue;
            }
            String target = null;
            for (var m : modules) {
                if (!m.kind().equals("go")) continue;
                if (e.specifier().equals(m.name()) || e.specifier().startsWith(m.name() + "/")) {
                    String rest = e.specifier().substring(m.name().length());
                    String dir = (m.root() + rest).replaceFirst("^/", "");
                    if (dirs.contains(dir)) target = dir;
                }
            }
            String external = null;
            if (target == null) {
                var parts = e.specifier().split("/");
                external = parts[0].contains(".") ? String.join("/", java.util.Arrays.copyOf(parts, Math.min(3, parts.length)))
                        : "std:" + e.specifier();
            }
            out.add(new ImportEdge(e.from(), e.line(), "go", e.kind(), e.specifier(), target, external));
        }
        return out;
    }
}
