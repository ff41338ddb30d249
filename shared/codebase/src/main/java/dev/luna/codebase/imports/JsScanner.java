package dev.luna.codebase.imports;

import java.util.List;
import java.util.Set;

/** Scans one file's tokens for imports, requires, exports and HTTP method literals. */
final class JsScanner {
    private static final Set<String> HTTP = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final Set<String> EXPORT_CLAUSE = Set.of("*", "{", "}", ",", "as", "type", "default");

    private JsScanner() {
    }

    static void scan(List<JsToken> t, JsFile file) {
        for (int i = 0; i < t.size(); i++) {
            var tok = t.get(i);
            if (tok.kind() != JsToken.Kind.IDENT) {
                if (tok.isString() && HTTP.contains(tok.text()) && i > 0 && (t.get(i - 1).is("===") || t.get(i - 1).is("==")
                        || t.get(i - 1).is("case"))) {
                    file.methods().add(tok.text());
                }
                continue;
            }
            boolean member = i > 0 && (t.get(i - 1).is(".") || t.get(i - 1).is("?."));
            switch (tok.text()) {
                case "import" -> {
                    if (!member) i = importStatement(t, i, file);
                }
                case "export" -> {
                    if (!member) i = exportStatement(t, i, file);
                }
                case "require" -> {
                    if (!member && at(t, i + 1, "(") && i + 2 < t.size() && t.get(i + 2).isString() && at(t, i + 3, ")")) {
                        add(file, tok.line(), "require", t.get(i + 2).text());
                        bindRequire(t, i, file);
                    }
                }
                default -> {
                }
            }
        }
    }

    private static int importStatement(List<JsToken> t, int i, JsFile file) {
        int line = t.get(i).line();
        if (at(t, i + 1, ".")) return i;
        if (at(t, i + 1, "(")) {
            if (i + 2 < t.size() && t.get(i + 2).isString()) add(file, line, "dynamic", t.get(i + 2).text());
            return i;
        }
        if (i + 1 < t.size() && t.get(i + 1).isString()) {
            add(file, line, "side-effect", t.get(i + 1).text());
            return i + 1;
        }
        boolean typeOnly = at(t, i + 1, "type") && !at(t, i + 2, "from") && !at(t, i + 2, ",");
        String defaultName = null;
        boolean inBraces = false;
        String pendingName = null;
        var names = new java.util.ArrayList<String[]>();
        for (int j = i + 1; j < t.size() && j < i + 400; j++) {
            var tok = t.get(j);
            if (tok.is("from") && j + 1 < t.size() && t.get(j + 1).isString() && !inBraces) {
                String spec = t.get(j + 1).text();
                add(file, line, typeOnly ? "import-type" : "import", spec);
                if (defaultName != null) file.bindings().put(defaultName, new JsFile.Binding(spec, "default"));
                for (var n : names) file.bindings().put(n[1], new JsFile.Binding(spec, n[0]));
                return j + 1;
            }
            if (tok.is("=") && at(t, j + 1, "require") && at(t, j + 2, "(") && j + 3 < t.size() && t.get(j + 3).isString()) {
                String spec = t.get(j + 3).text();
                add(file, line, "require", spec);
                if (defaultName != null) file.bindings().put(defaultName, new JsFile.Binding(spec, "*"));
                return j + 3;
            }
            if (tok.is(";") || tok.is("import") && !inBraces) return j - 1;
            if (tok.is("{")) inBraces = true;
            else if (tok.is("}")) inBraces = false;
            else if (tok.kind() == JsToken.Kind.IDENT && !tok.is("type") && !tok.is("as")) {
                if (inBraces) {
                    if (at(t, j - 1, "as") && pendingName != null) {
                        names.removeLast();
                        names.add(new String[]{pendingName, tok.text()});
                    } else {
                        names.add(new String[]{tok.text(), tok.text()});
                        pendingName = tok.text();
                    }
                } else if (at(t, j - 1, "as") && at(t, j - 2, "*")) {
                    defaultName = null;
                    names.add(new String[]{"*", tok.text()});
                } else if (defaultName == null && !at(t, j - 1, "as")) {
                    defaultName = tok.text();
                }
            }
        }
        return i;
    }

    private static int exportStatement(List<JsToken> t, int i, JsFile file) {
        int line = t.get(i).line();
        int j = i + 1;
        if (at(t, j, "default")) {
            file.exports().add("default");
            return i;
        }
        if (at(t, j, "async")) j++;
        if (at(t, j, "function") || at(t, j, "const") || at(t, j, "let") || at(t, j, "var") || at(t, j, "class")) {
            int k = at(t, j + 1, "*") ? j + 2 : j + 1;
            if (k < t.size() && t.get(k).kind() == JsToken.Kind.IDENT) file.exports().add(t.get(k).text());
            return i;
        }
        boolean typeOnly = at(t, j, "type");
        for (; j < t.size() && j < i + 400; j++) {
            var tok = t.get(j);
            if (tok.is("from") && j + 1 < t.size() && t.get(j + 1).isString()) {
                add(file, line, typeOnly ? "import-type" : "export", t.get(j + 1).text());
                return j + 1;
            }
            if (tok.kind() == JsToken.Kind.IDENT && !EXPORT_CLAUSE.contains(tok.text()) && !tok.is("from")) {
                if (at(t, j - 1, "{") || at(t, j - 1, ",") || at(t, j - 1, "as")) file.exports().add(tok.text());
                continue;
            }
            if (!(tok.kind() == JsToken.Kind.PUNCT && EXPORT_CLAUSE.contains(tok.text())) && tok.kind() != JsToken.Kind.IDENT
                    && !tok.isString()) {
                return i;
            }
        }
        return i;
    }

    /** {@code const x = require('y')} and {@code const { a, b } = require('y')} bind names. */
    private static void bindRequire(List<JsToken> t, int i, JsFile file) {
        String spec = t.get(i + 2).text();
        if (!at(t, i - 1, "=")) return;
        if (i >= 2 && t.get(i - 2).kind() == JsToken.Kind.IDENT) {
            file.bindings().put(t.get(i - 2).text(), new JsFile.Binding(spec, "*"));
        } else if (at(t, i - 2, "}")) {
            for (int k = i - 3; k >= 0 && k > i - 100 && !t.get(k).is("{"); k--) {
                if (t.get(k).kind() == JsToken.Kind.IDENT && !at(t, k + 1, ":")) file.bindings().put(t.get(k).text(),
                        new JsFile.Binding(spec, at(t, k - 1, ":") ? t.get(k - 2).text() : t.get(k).text()));
            }
        }
    }

    private static void add(JsFile file, int line, String kind, String spec) {
        file.imports().add(new ImportEdge(file.path(), line, "js", kind, spec, null, null));
    }

    static boolean at(List<JsToken> t, int i, String text) {
        return i >= 0 && i < t.size() && t.get(i).is(text);
    }
}
