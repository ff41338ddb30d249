package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import dev.luna.workers.codeanalysis.findings.Region;
import java.util.HashMap;
import java.util.Map;

/** One parsed Java file: its relative path, lines (for snippets), and imports (simple name → qualified name). */
final class SourceFile {
    final String path;
    final CompilationUnit unit;
    final String packageName;
    private final String[] lines;
    private final Map<String, String> imports = new HashMap<>();
    private final Map<String, String> staticImports = new HashMap<>();

    SourceFile(String path, String text, CompilationUnit unit) {
        this.path = path;
        this.unit = unit;
        this.lines = text.split("\r\n|\r|\n", -1);
        this.packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        for (ImportDeclaration i : unit.getImports()) {
            String name = i.getNameAsString();
            if (i.isAsterisk()) continue;
            String simple = name.substring(name.lastIndexOf('.') + 1);
            if (i.isStatic()) {
                String owner = name.substring(0, Math.max(0, name.lastIndexOf('.')));
                staticImports.put(simple, CallPattern.simple(owner));
            } else {
                imports.put(simple, name);
            }
        }
    }

    /** The class a statically imported member comes from (simple name), or null. */
    String staticImportOwner(String member) {
        return staticImports.get(member);
    }

    String importOf(String simple) {
        return imports.get(simple);
    }

    Region region(Node node) {
        var r = node.getRange().orElse(null);
        if (r == null) return Region.line(1);
        int endCol = r.end.line == r.begin.line ? r.end.column + 1 : lineLength(r.end.line) + 1;
        return new Region(r.begin.line, r.begin.column, r.end.line, Math.max(1, endCol));
    }

    int line(Node node) {
        return node.getRange().map(r -> r.begin.line).orElse(1);
    }

    private int lineLength(int line) {
        return line >= 1 && line <= lines.length ? lines[line - 1].length() : 0;
    }

    /** The code of a region's first line, trimmed, at most 200 characters, credentials masked. */
    String snippet(Region region) {
        int l = region.startLine();
        if (l < 1 || l > lines.length) return "";
        return Snippets.clean(lines[l - 1]);
    }

    String lineText(int line) {
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }
}
