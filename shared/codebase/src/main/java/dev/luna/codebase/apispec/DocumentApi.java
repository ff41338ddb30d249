package dev.luna.codebase.apispec;

import dev.luna.codebase.LiteralMask;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The API of an OpenAPI 3.x or Swagger 2.0 document (2.0 converted by swagger-parser's converter), read with swagger-parser. */
final class DocumentApi {
    private static final LiteralMask MASK = new LiteralMask();

    private DocumentApi() {
    }

    /** The document's API, or null when the text is not an OpenAPI/Swagger document with paths. */
    static ApiSpec read(String path, String text) {
        var options = new ParseOptions();
        options.setResolve(false);
        var result = new OpenAPIParser().readContents(text, null, options);
        OpenAPI api = result == null ? null : result.getOpenAPI();
        if (api == null || api.getPaths() == null || api.getPaths().isEmpty()) return null;
        boolean v31 = api.getOpenapi() != null && api.getOpenapi().startsWith("3.1");
        var notes = new ArrayList<String>();
        if (result.getMessages() != null) result.getMessages().stream().limit(20).forEach(m -> notes.add(path + ": " + MASK.apply(m)));
        String base = basePath(api);
        var ids = new OperationIds();
        var operations = new ArrayList<ApiOperation>();
        for (var pathEntry : api.getPaths().entrySet()) {
            var item = pathEntry.getValue();
            for (var opEntry : item.readOperationsMap().entrySet()) {
                String method = opEntry.getKey().name().toUpperCase(Locale.ROOT);
                Operation op = opEntry.getValue();
                var params = new ArrayList<ApiParam>();
                var all = new ArrayList<Parameter>();
                if (item.getParameters() != null) all.addAll(item.getParameters());
                if (op.getParameters() != null) all.addAll(op.getParameters());
                for (var raw : all) {
                    var p = resolve(api, raw);
                    if (p == null || p.getName() == null || p.getIn() == null || params.stream().anyMatch(q -> q.name().equals(p.getName())
                            && q.in().equals(p.getIn()))) continue;
                    params.add(new ApiParam(p.getName(), p.getIn(), text(p.getDescription()), Boolean.TRUE.equals(p.getRequired())
                            || p.getIn().equals("path"), p.getSchema() == null ? Map.of("type", "string") : schema(p.getSchema(), v31)));
                }
                Map<String, Object> request = null;
                var body = op.getRequestBody();
                if (body != null && body.get$ref() != null && api.getComponents() != null && api.getComponents().getRequestBodies() != null) {
                    body = api.getComponents().getRequestBodies().get(tail(body.get$ref()));
                }
                if (body != null) request = contentSchema(body.getContent(), v31);
                Map<String, Object> response = null;
                if (op.getResponses() != null) {
                    for (var r : new TreeMap<>(op.getResponses()).entrySet()) {
                        if (!r.getKey().startsWith("2")) continue;
                        var resp = r.getValue();
                        if (resp.get$ref() != null && api.getComponents() != null && api.getComponents().getResponses() != null) {
                            resp = api.getComponents().getResponses().get(tail(resp.get$ref()));
                        }
                        if (resp != null) response = contentSchema(resp.getContent(), v31);
                        break;
                    }
                }
                String fullPath = base + pathEntry.getKey();
                operations.add(new ApiOperation(method, fullPath, ids.next(op.getOperationId(), method, fullPath),
                        text(op.getSummary()), text(op.getDescription()), op.getTags() == null ? List.of() : op.getTags(), params, request,
                        response, ApiSpecs.readOnly(method), ApiSpecs.destructive(method), Boolean.TRUE.equals(op.getDeprecated()), path));
            }
        }
        var schemas = new TreeMap<String, Map<String, Object>>();
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().forEach((name, s) -> schemas.put(name, schema(s, v31)));
        }
        var info = api.getInfo();
        String title = info != null && info.getTitle() != null ? text(info.getTitle()) : "";
        String version = info != null && info.getVersion() != null ? text(info.getVersion()) : "1.0.0";
        return new ApiSpec(ApiSpec.OPENAPI, path, title, version, info == null ? "" : text(info.getDescription()), operations, schemas, notes);
    }

    /** The path of the document's first server ({@code /v1} of {@code https://host/v1}; Swagger 2.0's basePath), or "". */
    private static String basePath(OpenAPI api) {
        if (api.getServers() == null || api.getServers().isEmpty() || api.getServers().getFirst().getUrl() == null) return "";
        String url = api.getServers().getFirst().getUrl();
        int scheme = url.indexOf("://");
        String path = scheme < 0 ? url : url.indexOf('/', scheme + 3) < 0 ? "" : url.substring(url.indexOf('/', scheme + 3));
        if (path.contains("{")) return "";
        while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        return path.isEmpty() || path.startsWith("/") ? path : "/" + path;
    }

    private static Parameter resolve(OpenAPI api, Parameter p) {
        if (p.get$ref() == null) return p;
        if (api.getComponents() == null || api.getComponents().getParameters() == null) return null;
        return api.getComponents().getParameters().get(tail(p.get$ref()));
    }

    private static Map<String, Object> contentSchema(Content content, boolean v31) {
        if (content == null || content.isEmpty()) return null;
        MediaType media = content.get("application/json");
        if (media == null) {
            for (var e : new TreeMap<>(content).entrySet()) {
                if (e.getKey().contains("json")) {
                    media = e.getValue();
                    break;
                }
            }
        }
        if (media == null) media = new TreeMap<>(content).firstEntry().getValue();
        return media.getSchema() == null ? null : schema(media.getSchema(), v31);
    }

    /** A swagger model schema as a plain JSON Schema tree for OpenAPI 3.1 ({@code nullable} becomes a type list). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> schema(io.swagger.v3.oas.models.media.Schema<?> s, boolean v31) {
        var mapper = v31 ? Json31.mapper() : Json.mapper();
        Map<String, Object> tree = mapper.convertValue(s, LinkedHashMap.class);
        return (Map<String, Object>) normalise(tree);
    }

    @SuppressWarnings("unchecked")
    private static Object normalise(Object node) {
        if (node instanceof Map<?, ?> map) {
            var out = new LinkedHashMap<String, Object>();
            boolean nullable = Boolean.TRUE.equals(map.get("nullable"));
            for (var e : ((Map<String, Object>) map).entrySet()) {
                String key = e.getKey();
                if (key.equals("nullable") || key.equals("exampleSetFlag") || key.equals("types") || key.startsWith("x-")) continue;
                Object value = normalise(e.getValue());
                if (value instanceof String str && (key.equals("description") || key.equals("title") || key.equals("example"))) value = text(str);
                if (key.equals("exclusiveMinimum") || key.equals("exclusiveMaximum")) {
                    if (value instanceof Boolean) continue;
                }
                out.put(key, value);
            }
            if (nullable && out.get("type") instanceof String type) out.put("type", List.of(type, "null"));
            return out;
        }
        if (node instanceof List<?> list) return list.stream().map(DocumentApi::normalise).toList();
        return node;
    }

    private static String tail(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static String text(String s) {
        return s == null ? "" : MASK.apply(s.strip());
    }
}
