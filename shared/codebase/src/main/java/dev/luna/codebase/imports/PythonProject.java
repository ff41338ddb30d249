package dev.luna.codebase.imports;

import dev.luna.codebase.EntryPoint;
import dev.luna.codebase.endpoint.Endpoint;
import dev.luna.codebase.endpoint.Param;
import dev.luna.codebase.endpoint.Paths;
import dev.luna.codebase.shape.Property;
import dev.luna.codebase.shape.Schema;
import dev.luna.codebase.shape.Shape;
import dev.luna.codebase.source.SourceText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** Python: imports resolved inside the project, FastAPI and Flask endpoints with router prefixes, pydantic shapes. */
final class PythonProject {
    private static final Set<String> MODEL_BASES = Set.of("BaseModel", "SQLModel", "BaseSettings", "RootModel");
    private static final Set<String> SKIPPED = Set.of("Request", "Response", "BackgroundTasks", "WebSocket", "Session", "AsyncSession",
            "HTTPConnection", "SecurityScopes");
    private static final Pattern MARKER = Pattern.compile("^(?:\\w+\\.)?(Query|Path|Header|Cookie|Body|Form|File|Depends|Security)\\s*\\((.*)\\)$");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}*]+)\\*?}");

    private final UnaryOperator<String> mask;
    private final Map<String, PyFile> files = new LinkedHashMap<>();
    private Set<String> fileSet = Set.of();
    private Set<String> roots = Set.of();

    PythonProject(UnaryOperator<String> mask) {
        this.mask = mask;
    }

    void accept(SourceText text) {
        files.put(text.path(), PyScanner.scan(text.path(), text.text()));
    }

    ScriptAnalyzers.Result finish(List<String> allFiles) {
        fileSet = new HashSet<>(allFiles);
        roots = roots(allFiles);
        var imports = new ArrayList<ImportEdge>();
        for (var f : files.values()) {
            for (var e : f.imports()) {
                String spec = e.specifier();
                int level = 0;
                while (level < spec.length() && spec.charAt(level) == '.') level++;
                String target = module(f.path(), level, spec.substring(level));
                String external = target == null && level == 0 ? spec.split("\\.")[0] : null;
                imports.add(new ImportEdge(e.from(), e.line(), "python", e.kind(), spec, target, external));
            }
        }
        var models = new TreeSet<String>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (var f : files.values()) {
                for (var m : f.models()) {
                    if (models.contains(m.name())) continue;
                    for (var b : m.bases()) {
                        String base = b.substring(b.lastIndexOf('.') + 1);
                        if (MODEL_BASES.contains(base) || models.contains(base)) {
                            grew |= models.add(m.name());
                            break;
                        }
                    }
                }
            }
        }
        var byName = new java.util.HashMap<String, PyFile.Model>();
        for (var f : files.values()) for (var m : f.models()) if (models.contains(m.name())) byName.putIfAbsent(m.name(), m);
        var shapes = new ArrayList<Shape>();
        var seen = new HashSet<String>();
        for (var f : files.values()) {
            for (var m : f.models()) {
                if (!models.contains(m.name()) || !seen.add(m.name())) continue;
                var props = new ArrayList<Property>();
                for (var field : inheritedFields(m, byName, 0)) {
                    var schema = PyTypes.schema(field.type(), models, 0);
                    String def = field.defaultValue();
                    boolean required = def == null || def.equals("...") || def.matches("Field\\(\\s*\\.\\.\\..*");
                    String alias = def != null && def.startsWith("Field(") ? PyLines.literal(String.valueOf(
                            PyLines.kwarg(PyLines.splitArgs(PyLines.inside(def, def.indexOf('('))), "alias"))) : null;
                    props.add(new Property(alias != null ? alias : field.name(), schema, required && !schema.nullable(), field.line()));
                }
                shapes.add(new Shape(m.name(), f.path() + "#" + m.name(), "python", "pydantic", f.path(), m.line(), props, List.of()));
            }
        }
        var endpoints = new ArrayList<Endpoint>();
        var entryPoints = new ArrayList<EntryPoint>();
        for (var f : files.values()) {
            for (var r : f.routes()) {
                var router = f.routers().get(r.router());
                if (router == null && !r.router().matches("app|router|api|bp|blueprint|api_router|v1")) continue;
                String framework = router != null ? router.kind() : r.decorator().equals("route") ? "Flask" : "FastAPI";
                for (var prefix : prefixes(f, r.router(), new HashSet<>(), 0)) {
                    String path = Paths.normalize(Paths.join(prefix, r.path()));
                    for (var method : r.methods()) endpoints.add(endpoint(f, r, method, path, framework, models));
                }
                entryPoints.add(new EntryPoint("http-handler", f.path() + "#" + r.function(), f.path(), r.line(), "@" + r.router() + "." + r.decorator()));
            }
            if (f.main()) entryPoints.add(new EntryPoint("python-main", f.path(), f.path(), 0, "__main__"));
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            if (name.startsWith("test_") || name.endsWith("_test.py") || name.equals("conftest.py")) {
                entryPoints.add(new EntryPoint("test", f.path(), f.path(), 0, "test file"));
            }
        }
        return new ScriptAnalyzers.Result(imports, endpoints, shapes, entryPoints);
    }

    /** A model's fields after those of its model bases (pydantic inherits fields), a redefinition replacing the base's. */
    private static List<PyFile.Field> inheritedFields(PyFile.Model m, Map<String, PyFile.Model> byName, int depth) {
        var out = new LinkedHashMap<String, PyFile.Field>();
        if (depth < 8) {
            for (var b : m.bases()) {
                var base = byName.get(b.substring(b.lastIndexOf('.') + 1));
                if (base != null && base != m) for (var f : inheritedFields(base, byName, depth + 1)) out.put(f.name(), f);
            }
        }
        for (var f : m.fields()) {
            out.remove(f.name());
            out.put(f.name(), f);
        }
        return new ArrayList<>(out.values());
    }

    private Endpoint endpoint(PyFile f, PyFile.Route r, String method, String path, String framework, Set<String> models) {
        var params = new ArrayList<Param>();
        Schema body = null;
        var pathNames = new HashSet<String>();
        var m = PATH_PARAM.matcher(path);
        while (m.find()) pathNames.add(m.group(1));
        for (var p : r.params()) {
            String type = p.type();
            String marker = null;
            String markerArgs = null;
            if (type != null && type.startsWith("Annotated[")) {
                var args = PyLines.splitArgs(type.substring(10, type.length() - 1));
                type = args.getFirst();
                for (var a : args.subList(1, args.size())) {
                    var mm = MARKER.matcher(a.trim());
                    if (mm.matches()) {
                        marker = mm.group(1);
                        markerArgs = mm.group(2);
                    }
                }
            }
            String def = p.defaultValue();
            if (def != null) {
                var mm = MARKER.matcher(def);
                if (mm.matches()) {
                    marker = mm.group(1);
                    markerArgs = mm.group(2);
                    var args = PyLines.splitArgs(markerArgs);
                    def = args.isEmpty() || args.getFirst().contains("=") ? PyLines.kwarg(args, "default") : args.getFirst();
                }
            }
            if ("Depends".equals(marker) || "Security".equals(marker)) continue;
            String simple = type == null ? "" : type.replaceAll("\\[.*", "");
            if (SKIPPED.contains(simple.substring(simple.lastIndexOf('.') + 1))) continue;
            var schema = PyTypes.schema(type, models, 0);
            boolean required = def == null || def.equals("...");
            String alias = markerArgs == null ? null : PyLines.literal(String.valueOf(PyLines.kwarg(PyLines.splitArgs(markerArgs), "alias")));
            String name = alias != null ? alias : p.name();
            if (pathNames.contains(p.name()) || "Path".equals(marker)) {
                params.add(new Param(name, "path", schema, true, null));
            } else if ("Body".equals(marker) || marker == null && (schema.ref() != null || schema.items() != null && schema.items().ref() != null)) {
                body = schema;
            } else if ("Form".equals(marker) || "File".equals(marker)) {
                params.add(new Param(name, "form", schema, required, literalDefault(def)));
            } else {
                String in = "Header".equals(marker) ? "header" : "Cookie".equals(marker) ? "cookie" : "query";
                if (in.equals("header") && alias == null) name = name.replace('_', '-');
                params.add(new Param(name, in, schema, required && !schema.nullable(), literalDefault(def)));
            }
        }
        if (framework.equals("Flask")) {
            var conv = Pattern.compile("<(?:(\\w+):)?(\\w+)>").matcher(r.path() == null ? "" : r.path());
            while (conv.find()) {
                String t = conv.group(1) == null ? "string" : conv.group(1);
                var schema = switch (t) {
                    case "int" -> Schema.of("integer", null, "int");
                    case "float" -> Schema.of("number", null, "float");
                    case "uuid" -> Schema.of("string", "uuid", "uuid");
                    default -> Schema.of("string", null, t);
                };
                params.removeIf(x -> x.name().equals(conv.group(2)));
                params.add(new Param(conv.group(2), "path", schema, true, null));
            }
        }
        for (var name : pathNames) {
            if (params.stream().noneMatch(x -> x.name().equals(name) && x.in().equals("path"))) {
                params.add(new Param(name, "path", Schema.of("string", null, null), true, null));
            }
        }
        var response = r.responseModel() == null ? null : PyTypes.schema(r.responseModel(), models, 0);
        return new Endpoint(method, path, framework, f.path() + "#" + r.function(), f.path(), r.line(), r.endLine(), params, body, response,
                List.of(), List.of());
    }

    private String literalDefault(String def) {
        if (def == null || def.equals("...") || def.equals("None")) return null;
        String lit = PyLines.literal(def);
        return mask.apply(lit != null ? lit : def);
    }

    /** Full prefixes of a router variable: its own prefix under every include chain that reaches it. */
    private List<String> prefixes(PyFile f, String var, Set<String> visiting, int depth) {
        var router = f.routers().get(var);
        String own = router == null ? "" : router.prefix();
        boolean flask = router != null && router.kind().equals("Flask");
        String key = f.path() + "#" + var;
        var out = new TreeSet<String>();
        if (depth > 8 || !visiting.add(key)) return List.of(own);
        for (var other : files.values()) {
            for (var inc : other.includes()) {
                var target = target(other, inc.target());
                if (target == null || !target[0].equals(f.path()) || !target[1].equals(var)) continue;
                String local = flask && inc.prefix() != null ? inc.prefix() : Paths.join(inc.prefix(), own);
                for (var outer : prefixes(other, inc.on(), visiting, depth + 1)) if (out.size() < 8) out.add(Paths.join(outer, local));
            }
        }
        visiting.remove(key);
        if (out.isEmpty()) out.add(own);
        return new ArrayList<>(out);
    }

    /** The file and variable an include's argument names ({@code users.router}, {@code users_router}, {@code bp}). */
    private String[] target(PyFile f, String expr) {
        String e = expr.trim();
        int dot = e.lastIndexOf('.');
        if (dot > 0) {
            var b = f.bindings().get(e.substring(0, dot));
            if (b == null) return null;
            String module = b.member() == null ? b.module() : (b.module().isEmpty() ? b.member() : b.module() + "." + b.member());
            String file = module(f.path(), b.level(), module);
            return file == null ? null : new String[]{file, e.substring(dot + 1)};
        }
        var b = f.bindings().get(e);
        if (b == null) return f.routers().containsKey(e) ? new String[]{f.path(), e} : null;
        String file = b.member() == null ? null : module(f.path(), b.level(), b.module());
        return file == null ? null : new String[]{file, b.member()};
    }

    /** The project file of a module: {@code a.b} → {@code a/b.py} or {@code a/b/__init__.py} under a root or relatively. */
    private String module(String from, int level, String module) {
        String rel = module.replace('.', '/');
        var bases = new ArrayList<String>();
        if (level > 0) {
            String dir = JsResolver.dir(from);
            for (int i = 1; i < level && !dir.isEmpty(); i++) dir = JsResolver.dir(dir);
            bases.add(dir);
        } else {
            bases.addAll(roots);
            bases.add(JsResolver.dir(from));
        }
        for (var base : bases) {
            String p = base.isEmpty() ? rel : rel.isEmpty() ? base : base + "/" + rel;
            if (fileSet.contains(p + ".py")) return p + ".py";
            if (fileSet.contains(p + "/__init__.py")) return p + "/__init__.py";
        }
        return null;
    }

    /** Directories that hold top-level packages: the repo root, {@code src}, and parents of outermost packages. */
    private static Set<String> roots(List<String> files) {
        var out = new TreeSet<String>(List.of("", "src"));
        var inits = new HashSet<String>();
        for (var f : files) if (f.endsWith("/__init__.py")) inits.add(JsResolver.dir(f));
        for (var d : inits) {
            String top = d;
            while (inits.contains(JsResolver.dir(top)) && !JsResolver.dir(top).isEmpty()) top = JsResolver.dir(top);
            out.add(JsResolver.dir(top));
        }
        return out;
    }
}
