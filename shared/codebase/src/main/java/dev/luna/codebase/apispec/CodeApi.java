package dev.luna.codebase.apispec;

import dev.luna.codebase.ProjectModel;
import dev.luna.codebase.endpoint.Endpoint;
import dev.luna.codebase.shape.Schema;
import dev.luna.codebase.shape.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The API of a project without an OpenAPI document: its extracted endpoints, with request and response schemas from its DTO shapes. */
final class CodeApi {
    private CodeApi() {
    }

    static ApiSpec of(ProjectModel model, Path root, String title) {
        var comments = new HandlerComments(root);
        var ids = new OperationIds();
        var operations = new ArrayList<ApiOperation>();
        var notes = new ArrayList<String>();
        for (var e : model.endpoints()) {
            String path = resolvePlaceholders(e.path());
            if (path.replaceAll("\\{[^}]*\\*}", "").contains("*")) {
                notes.add(e.method() + " " + e.path() + ": a wildcard or masked path, not a callable operation; left out (" + e.file() + ":" + e.startLine() + ")");
                continue;
            }
            if (!path.equals(e.path())) notes.add(e.path() + ": property placeholders resolved to their defaults (or removed): " + path);
            String method = e.method().equals("ANY") ? "GET" : e.method();
            if (e.method().equals("ANY")) notes.add(e.path() + " accepts any method; offered as GET (" + e.file() + ":" + e.startLine() + ")");
            var params = new ArrayList<ApiParam>();
            Map<String, Object> request = e.request() == null ? null : json(e.request());
            for (var p : e.params()) {
                if (p.in().equals("body")) {
                    if (request == null) request = json(p.schema());
                    continue;
                }
                String in = p.in().equals("form") ? "query" : p.in();
                if (in.equals("header") && TRANSPORT_HEADERS.contains(p.name().toLowerCase(java.util.Locale.ROOT))) continue;
                if (in.equals("path") && !path.contains("{" + p.name() + "}")) continue;
                var schema = json(p.schema());
                if (schema.isEmpty()) schema.put("type", "string");
                if (p.defaultValue() != null && !p.defaultValue().contains("*")) schema.put("default", typed(p.defaultValue(), schema.get("type")));
                params.add(new ApiParam(p.name(), in, "", p.required() || in.equals("path"), schema));
            }
            for (var name : pathNames(path)) {
                if (params.stream().noneMatch(p -> p.in().equals("path") && p.name().equals(name))) {
                    params.add(new ApiParam(name, "path", "", true, Map.of("type", "string")));
                }
            }
            String comment = comments.above(e.file(), e.startLine());
            String handlerName = handlerMethod(e.handler());
            operations.add(new ApiOperation(method, path.replace("*}", "}"), ids.next(handlerName, method, path),
                    firstSentence(comment), comment, List.of(handlerClass(e)), params, request,
                    e.response() == null ? null : json(e.response()), ApiSpecs.readOnly(method), ApiSpecs.destructive(method), false,
                    e.file() + ":" + e.startLine()));
        }
        return new ApiSpec(operations.isEmpty() ? ApiSpec.NONE : ApiSpec.CODE, null, title, "1.0.0", "", operations,
                schemas(model, operations), notes);
    }

    /** Headers the HTTP client sets itself; not offered as parameters. */
    private static final Set<String> TRANSPORT_HEADERS = Set.of("content-type", "accept", "content-length", "authorization", "host");
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\$\\{([^}:]*)(?::([^}]*))?}");

    /** Spring property placeholders in a path ({@code /${prefix:/api}/x}) become their default, or nothing. */
    static String resolvePlaceholders(String path) {
        if (!path.contains("${")) return path;
        var m = PLACEHOLDER.matcher(path);
        var sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
        m.appendTail(sb);
        // the shared path normaliser splits a default that holds a '/' (${p:/api}): its tail arrives as a segment "api}"
        var segments = new ArrayList<String>();
        for (var seg : sb.toString().split("/", -1)) segments.add(seg.contains("}") && !seg.contains("{") ? seg.replace("}", "") : seg);
        String out = String.join("/", segments).replaceAll("/{2,}", "/");
        if (out.length() > 1 && out.endsWith("/")) out = out.substring(0, out.length() - 1);
        return out.isEmpty() ? "/" : out.startsWith("/") ? out : "/" + out;
    }

    /** The shapes the operations refer to, transitively, as JSON Schemas. */
    private static Map<String, Map<String, Object>> schemas(ProjectModel model, List<ApiOperation> operations) {
        return SchemaRefs.reachable(operations, name -> {
            Shape shape = model.shape(name);
            return shape == null ? Map.of("type", "object") : shapeSchema(shape);
        });
    }

    static Map<String, Object> shapeSchema(Shape shape) {
        var out = new LinkedHashMap<String, Object>();
        if (shape.kind().equals("enum")) {
            out.put("type", "string");
            out.put("enum", shape.values());
            return out;
        }
        out.put("type", "object");
        var properties = new LinkedHashMap<String, Object>();
        var required = new ArrayList<String>();
        for (var p : shape.properties()) {
            properties.put(p.name(), json(p.schema()));
            if (p.required()) required.add(p.name());
        }
        out.put("properties", properties);
        if (!required.isEmpty()) out.put("required", required);
        return out;
    }

    /** A {@link Schema} of the code model as a JSON Schema. */
    static Map<String, Object> json(Schema s) {
        var out = new LinkedHashMap<String, Object>();
        if (s == null) return out;
        if (s.ref() != null) {
            out.put("$ref", "#/components/schemas/" + s.ref());
            return out;
        }
        if (s.type() != null) out.put("type", s.nullable() ? List.of(s.type(), "null") : s.type());
        if (s.format() != null) out.put("format", s.format());
        if (s.items() != null) out.put("items", json(s.items()));
        if (s.additionalProperties() != null) out.put("additionalProperties", json(s.additionalProperties()));
        return out;
    }

    /** A declared default as the JSON value of the parameter's type (the text when it does not parse). */
    private static Object typed(String value, Object type) {
        try {
            if ("integer".equals(type)) return Long.parseLong(value.strip());
            if ("number".equals(type)) return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            return value;
        }
        if ("boolean".equals(type) && (value.equals("true") || value.equals("false"))) return Boolean.parseBoolean(value);
        return value;
    }

    @SuppressWarnings("unchecked")
    static Set<String> pathNames(String path) {
        var out = new TreeSet<String>();
        var m = java.util.regex.Pattern.compile("\\{([^}*]+)\\*?}").matcher(path);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static String handlerMethod(String handler) {
        int hash = handler.indexOf('#');
        String name = hash < 0 ? handler : handler.substring(hash + 1);
        int paren = name.indexOf('(');
        if (paren >= 0) name = name.substring(0, paren);
        return name.startsWith("<") ? "" : name;
    }

    private static String handlerClass(Endpoint e) {
        int hash = e.handler().indexOf('#');
        String owner = hash < 0 ? e.file() : e.handler().substring(0, hash);
        int cut = Math.max(owner.lastIndexOf('.'), owner.lastIndexOf('/'));
        String simple = owner.substring(cut + 1);
        if (simple.endsWith(".js") || simple.endsWith(".ts") || simple.endsWith(".py")) simple = simple.substring(0, simple.length() - 3);
        return simple.isEmpty() ? "api" : simple;
    }

    static String firstSentence(String text) {
        if (text.isEmpty()) return "";
        int end = text.indexOf(". ");
        String first = end < 0 ? text : text.substring(0, end + 1);
        return first.length() > 120 ? first.substring(0, 117).strip() + "…" : first;
    }
}
