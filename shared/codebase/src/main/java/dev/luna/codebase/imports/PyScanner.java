package dev.luna.codebase.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads one Python file's imports, routers, routes, includes and classes from its logical lines. */
final class PyScanner {
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(.+)$");
    private static final Pattern FROM = Pattern.compile("^from\\s+(\\.*)([\\w.]*)\\s+import\\s+(.+)$");
    private static final Pattern ASSIGN_CALL = Pattern.compile("^(\\w+)\\s*(?::\\s*[\\w.\\[\\]]+\\s*)?=\\s*([\\w.]+)\\s*\\((.*)\\)\\s*$");
    private static final Pattern DECORATOR = Pattern.compile("^@(\\w+)\\.(get|post|put|delete|patch|head|options|route|api_route)\\s*\\((.*)\\)\\s*$");
    private static final Pattern DEF = Pattern.compile("^(?:async\\s+)?def\\s+(\\w+)\\s*\\((.*)\\)\\s*(?:->\\s*(.+?))?\\s*:.*$");
    private static final Pattern INCLUDE = Pattern.compile("^(\\w+)\\.(include_router|register_blueprint)\\s*\\((.*)\\)\\s*$");
    private static final Pattern CLASS = Pattern.compile("^class\\s+(\\w+)\\s*(?:\\((.*)\\))?\\s*:.*$");
    private static final Pattern FIELD = Pattern.compile("^(\\w+)\\s*:\\s*(.+?)(?:\\s*=\\s*(.+))?$");

    private PyScanner() {
    }

    static PyFile scan(String path, String text) {
        var lines = PyLines.of(text);
        var file = PyFile.empty(path, text.contains("__name__") && text.matches("(?s).*if\\s+__name__\\s*==\\s*['\"]__main__['\"].*"));
        for (int i = 0; i < lines.size(); i++) {
            var l = lines.get(i);
            String s = l.text();
            if (s.startsWith("import ") || s.startsWith("from ")) {
                imports(l, file);
            } else if (s.startsWith("@")) {
                var d = DECORATOR.matcher(s);
                if (d.matches()) i = route(lines, i, d, file);
            } else if (s.startsWith("class ")) {
                i = model(lines, i, file);
            } else {
                var a = ASSIGN_CALL.matcher(s);
                if (a.matches()) router(a.group(1), a.group(2), a.group(3), file);
                var inc = INCLUDE.matcher(s);
                if (inc.matches()) include(inc, l.line(), file);
            }
        }
        return file;
    }

    private static void imports(PyLines.Line l, PyFile file) {
        String s = l.text();
        var from = FROM.matcher(s);
        if (from.matches()) {
            int level = from.group(1).length();
            String module = from.group(2);
            file.imports().add(new ImportEdge(file.path(), l.line(), "python", "import", from.group(1) + module, null, null));
            String names = from.group(3).replace("(", "").replace(")", "");
            for (var part : names.split(",")) {
                var p = part.trim().split("\\s+as\\s+");
                if (p[0].isEmpty() || p[0].equals("*")) continue;
                file.bindings().put(p.length > 1 ? p[1].trim() : p[0].trim(), new PyFile.Binding(level, module, p[0].trim()));
            }
            return;
        }
        var imp = IMPORT.matcher(s);
        if (!imp.matches()) return;
        for (var part : imp.group(1).split(",")) {
            var p = part.trim().split("\\s+as\\s+");
            String module = p[0].trim();
            if (module.isEmpty()) continue;
            file.imports().add(new ImportEdge(file.path(), l.line(), "python", "import", module, null, null));
            String local = p.length > 1 ? p[1].trim() : module.split("\\.")[0];
            file.bindings().put(local, new PyFile.Binding(0, p.length > 1 ? module : module.split("\\.")[0], null));
        }
    }

    private static void router(String var, String call, String args, PyFile file) {
        String simple = call.substring(call.lastIndexOf('.') + 1);
        var list = PyLines.splitArgs(args);
        switch (simple) {
            case "FastAPI" -> file.routers().put(var, new PyFile.Router("FastAPI", str(PyLines.kwarg(list, "root_path"))));
            case "APIRouter" -> file.routers().put(var, new PyFile.Router("FastAPI", str(PyLines.kwarg(list, "prefix"))));
            case "Flask" -> file.routers().put(var, new PyFile.Router("Flask", ""));
            case "Blueprint" -> file.routers().put(var, new PyFile.Router("Flask", str(PyLines.kwarg(list, "url_prefix"))));
            default -> {
            }
        }
    }

    private static String str(String expr) {
        if (expr == null) return "";
        String v = PyLines.literal(expr);
        return v == null ? "" : v;
    }

    private static int route(List<PyLines.Line> lines, int i, java.util.regex.Matcher d, PyFile file) {
        String var = d.group(1);
        String verb = d.group(2);
        var args = PyLines.splitArgs(d.group(3));
        String path = args.isEmpty() ? null : PyLines.literal(args.getFirst());
        if (path == null) path = str(PyLines.kwarg(args, "path"));
        List<String> methods = new ArrayList<>();
        if (verb.equals("route") || verb.equals("api_route")) {
            String m = PyLines.kwarg(args, "methods");
            if (m != null) {
                for (var x : PyLines.splitArgs(m.replaceAll("^[\\[(]|[])]$", ""))) {
                    String v = PyLines.literal(x);
                    if (v != null) methods.add(v.toUpperCase(Locale.ROOT));
                }
            }
            if (methods.isEmpty()) methods.add("GET");
        } else {
            methods.add(verb.toUpperCase(Locale.ROOT));
        }
        String response = PyLines.kwarg(args, "response_model");
        int j = i + 1;
        while (j < lines.size() && lines.get(j).text().startsWith("@")) j++;
        if (j >= lines.size()) return i;
        var def = DEF.matcher(lines.get(j).text());
        if (!def.matches()) return i;
        var params = new ArrayList<PyFile.Param>();
        for (var p : PyLines.splitArgs(def.group(2))) {
            if (p.startsWith("*") || p.equals("self") || p.equals("/")) continue;
            int colon = p.indexOf(':');
            int eq = p.indexOf('=');
            String name = (colon > 0 ? p.substring(0, colon) : eq > 0 ? p.substring(0, eq) : p).trim();
            String type = colon > 0 ? (eq > colon ? p.substring(colon + 1, eq) : p.substring(colon + 1)).trim() : null;
            if (eq > 0 && colon > eq) type = null;
            String def0 = eq > 0 ? p.substring(eq + 1).trim() : null;
            params.add(new PyFile.Param(name, type, def0));
        }
        if (response == null && def.group(3) != null) response = def.group(3).trim();
        int end = lines.get(j).endLine();
        int indent = lines.get(j).indent();
        for (int k = j + 1; k < lines.size() && lines.get(k).indent() > indent; k++) end = lines.get(k).endLine();
        file.routes().add(new PyFile.Route(var, methods, path, def.group(1), lines.get(i).line(), end, params, response, verb));
        return j;
    }

    private static void include(java.util.regex.Matcher inc, int line, PyFile file) {
        var args = PyLines.splitArgs(inc.group(3));
        if (args.isEmpty()) return;
        String prefix = PyLines.kwarg(args, inc.group(2).equals("include_router") ? "prefix" : "url_prefix");
        file.includes().add(new PyFile.Include(inc.group(1), args.getFirst(), prefix == null ? null : str(prefix), line));
    }

    private static int model(List<PyLines.Line> lines, int i, PyFile file) {
        var c = CLASS.matcher(lines.get(i).text());
        if (!c.matches()) return i;
        var bases = new ArrayList<String>();
        if (c.group(2) != null) for (var b : PyLines.splitArgs(c.group(2))) if (!b.contains("=")) bases.add(b.trim());
        int indent = lines.get(i).indent();
        int bodyIndent = -1;
        var fields = new ArrayList<PyFile.Field>();
        int j = i + 1;
        for (; j < lines.size() && lines.get(j).indent() > indent; j++) {
            var l = lines.get(j);
            if (bodyIndent < 0) bodyIndent = l.indent();
            if (l.indent() != bodyIndent) continue;
            var f = FIELD.matcher(l.text());
            if (f.matches() && !l.text().startsWith("def ") && !f.group(2).startsWith("ClassVar") && !f.group(1).equals("model_config")) {
                fields.add(new PyFile.Field(f.group(1), f.group(2).trim(), f.group(3) == null ? null : f.group(3).trim(), l.line()));
            }
        }
        file.models().add(new PyFile.Model(c.group(1), bases, fields, lines.get(i).line()));
        return j - 1;
    }
}
