package dev.luna.workers.googleagent.input;

import dev.luna.codebase.ProjectModel;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An OpenAPI 3.x or Swagger 2.0 document in the source (any path; 2.0 is converted by swagger-parser), read without
 * resolving external references (nothing is fetched). The document with the most operations wins; ties go to the
 * first path. References to {@code #/components/schemas} are followed one level for the body's properties.
 */
final class OpenApiDocuments implements ApiSource {
    static final long MAX_BYTES = 2_000_000;
    private static final Pattern MARKER = Pattern.compile("(?m)(^|[{,])\\s*\"?(openapi|swagger)\"?\\s*:\\s*[\"']?[23]\\.");
    private static final List<String> METHODS = List.of("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE");

    @Override
    public ApiDescription describe(Path root, ProjectModel model) {
        ApiDescription best = null;
        var notes = new ArrayList<String>();
        for (var file : model.files()) {
            String p = file.path().toLowerCase(Locale.ROOT);
            if (!(p.endsWith(".json") || p.endsWith(".yaml") || p.endsWith(".yml")) || file.bytes() > MAX_BYTES) continue;
            String text;
            try {
                text = Files.readString(root.resolve(file.path()), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                continue;
            }
            if (!MARKER.matcher(text.length() > 4000 ? text.substring(0, 4000) : text).find()) continue;
            var read = read(file.path(), text, notes);
            if (read != null && (best == null || read.operations().size() > best.operations().size())) best = read;
        }
        if (best == null) return new ApiDescription("none", null, null, null, List.of(), notes);
        return new ApiDescription(best.origin(), best.document(), best.title(), best.summary(), best.operations(), notes);
    }

    private static ApiDescription read(String path, String text, List<String> notes) {
        var options = new ParseOptions();
        options.setResolve(false);
        OpenAPI api;
        try {
            var result = new OpenAPIParser().readContents(text, null, options);
            api = result.getOpenAPI();
        } catch (RuntimeException e) {
            notes.add(path + " looks like an OpenAPI document but could not be read: " + e.getClass().getSimpleName());
            return null;
        }
        if (api == null || api.getPaths() == null) {
            notes.add(path + " looks like an OpenAPI document but has no paths");
            return null;
        }
        var ops = new ArrayList<ApiOperation>();
        for (var e : api.getPaths().entrySet()) {
            Map<PathItem.HttpMethod, Operation> byMethod = e.getValue().readOperationsMap();
            for (var m : byMethod.entrySet()) {
                String method = m.getKey().name();
                if (!METHODS.contains(method)) continue;
                ops.add(operation(api, path, e.getKey(), e.getValue(), method, m.getValue()));
            }
        }
        String title = api.getInfo() == null ? null : api.getInfo().getTitle();
        String summary = api.getInfo() == null ? null : api.getInfo().getDescription();
        return new ApiDescription("openapi", path, title, summary, ops, List.of());
    }

    private static ApiOperation operation(OpenAPI api, String file, String path, PathItem item, String method, Operation op) {
        var params = new ArrayList<ApiParam>();
        var declared = new ArrayList<Parameter>();
        if (item.getParameters() != null) declared.addAll(item.getParameters());
        if (op.getParameters() != null) declared.addAll(op.getParameters());
        for (var p : declared) {
            if (p.get$ref() != null) p = component(api, p.get$ref());
            if (p == null || p.getName() == null || !("path".equals(p.getIn()) || "query".equals(p.getIn()))) continue;
            var s = p.getSchema();
            params.add(new ApiParam(p.getName(), p.getIn(), type(s), s == null ? null : s.getFormat(), "path".equals(p.getIn()) || Boolean.TRUE.equals(p.getRequired()),
                    p.getDescription(), values(s)));
        }
        String bodyType = null;
        var body = op.getRequestBody();
        if (body != null && body.getContent() != null) {
            var media = body.getContent().get("application/json");
            if (media == null && !body.getContent().isEmpty()) media = body.getContent().values().iterator().next();
            Schema<?> schema = media == null ? null : media.getSchema();
            bodyType = "object";
            if (schema != null && schema.get$ref() != null) {
                bodyType = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
                schema = api.getComponents() == null || api.getComponents().getSchemas() == null ? null : api.getComponents().getSchemas().get(bodyType);
            }
            if (schema != null && schema.getProperties() != null) {
                var required = schema.getRequired() == null ? List.<String>of() : schema.getRequired();
                for (var prop : schema.getProperties().entrySet()) {
                    var s = prop.getValue();
                    params.add(new ApiParam(prop.getKey(), "body", type(s), s.getFormat(), required.contains(prop.getKey()), s.getDescription(), values(s)));
                }
            }
        }
        String pointer = "#/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method.toLowerCase(Locale.ROOT);
        return new ApiOperation(op.getOperationId(), method, path, op.getSummary(), op.getDescription(), params, bodyType, null, file + pointer);
    }

    private static Parameter component(OpenAPI api, String ref) {
        if (api.getComponents() == null || api.getComponents().getParameters() == null) return null;
        return api.getComponents().getParameters().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static String type(Schema<?> s) {
        if (s == null) return "string";
        if (s.get$ref() != null) return "object";
        String t = s.getType();
        if (t == null && s.getTypes() != null && !s.getTypes().isEmpty()) t = s.getTypes().stream().filter(x -> !x.equals("null")).findFirst().orElse(null);
        return t == null ? "string" : t;
    }

    private static List<String> values(Schema<?> s) {
        if (s == null || s.getEnum() == null) return List.of();
        return s.getEnum().stream().map(String::valueOf).toList();
    }
}
