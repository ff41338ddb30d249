package dev.luna.workers.googleagent.input;

import dev.luna.codebase.ProjectModel;
import dev.luna.codebase.apispec.ApiSpec;
import dev.luna.codebase.apispec.ApiSpecs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The API in the order — an OpenAPI/Swagger document in the source, else the endpoints extracted from code —
 * read by the shared {@link ApiSpecs} (the reader app-generation-openai uses too) and flattened into the generator's
 * view: path and query parameters, then the JSON body's top-level properties as inputs of their own.
 */
public final class ProjectApi implements ApiSource {
    @Override
    public ApiDescription describe(Path root, ProjectModel model) {
        ApiSpec spec = ApiSpecs.find(model, root);
        if (spec.empty()) {
            var notes = new ArrayList<>(spec.notes());
            notes.add("no OpenAPI document and no HTTP endpoints were found in the code");
            return ApiDescription.none(notes);
        }
        boolean document = spec.source().equals(ApiSpec.OPENAPI);
        var operations = spec.operations().stream().map(op -> operation(op, spec.schemas())).toList();
        return new ApiDescription(spec.source(), spec.document(), document ? spec.title() : null,
                document && !spec.description().isBlank() ? spec.description() : null, operations, spec.notes());
    }

    private static ApiOperation operation(dev.luna.codebase.apispec.ApiOperation op, Map<String, Map<String, Object>> schemas) {
        var params = new ArrayList<ApiParam>();
        for (var p : op.params()) {
            if (p.in().equals("path") || p.in().equals("query")) params.add(param(p.name(), p.in(), p.schema(), p.required(), p.description(), schemas));
        }
        String bodyType = null;
        if (op.request() != null) {
            String ref = refName(op.request());
            bodyType = ref != null ? ref : "object";
            var body = ref != null ? schemas.get(ref) : op.request();
            if (body != null && body.get("properties") instanceof Map<?, ?> properties) {
                var required = body.get("required") instanceof Collection<?> r ? r : List.of();
                for (var e : properties.entrySet()) {
                    var schema = asSchema(e.getValue());
                    params.add(param(String.valueOf(e.getKey()), "body", schema, required.contains(e.getKey()), text(schema.get("description")), schemas));
                }
            }
        }
        String id = ApiSpecs.pathDerivedId(op) ? null : op.operationId(); // the tool designer names those from verb and resource
        return new ApiOperation(id, op.method(), op.path(), op.summary(), op.description(), params, bodyType,
                op.response() == null ? null : name(op.response()), op.location());
    }

    private static ApiParam param(String name, String in, Map<String, Object> schema, boolean required, String description,
                                  Map<String, Map<String, Object>> schemas) {
        String ref = refName(schema);
        var resolved = ref != null && schemas.containsKey(ref) ? schemas.get(ref) : schema;
        var values = resolved.get("enum") instanceof Collection<?> e ? e.stream().map(String::valueOf).toList() : List.<String>of();
        String type = !values.isEmpty() ? "string" : ref != null ? "object" : type(schema);
        return new ApiParam(name, in, type, values.isEmpty() ? text(schema.get("format")) : null, required || in.equals("path"),
                description == null ? "" : description, values);
    }

    /** The JSON type of a schema; OpenAPI 3.1's {@code ["string", "null"]} counts as its non-null member. */
    private static String type(Map<String, Object> schema) {
        Object t = schema.get("type");
        if (t instanceof Collection<?> types) t = types.stream().filter(x -> !"null".equals(x)).findFirst().orElse(null);
        return t == null ? "string" : String.valueOf(t);
    }

    /** {@code Order} for a reference, {@code list of Order} for an array of them, else the JSON type. */
    private static String name(Map<String, Object> schema) {
        String ref = refName(schema);
        if (ref != null) return ref;
        if (schema.get("items") instanceof Map<?, ?>) return "list of " + name(asSchema(schema.get("items")));
        return schema.containsKey("type") ? type(schema) : "any";
    }

    private static String refName(Map<String, Object> schema) {
        return schema.get("$ref") instanceof String ref ? ref.substring(ref.lastIndexOf('/') + 1) : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asSchema(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
