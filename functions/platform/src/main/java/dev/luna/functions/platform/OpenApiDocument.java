package dev.luna.functions.platform;

import dev.luna.catalog.Catalog;
import dev.luna.core.Json;
import dev.luna.http.Envelope;
import dev.luna.http.PathParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.1 document, generated from the function catalog (paths, operations, scopes, sizes) and the
 * schemas in {@code openapi/components.json}. Since the catalog is the source, the document cannot drift
 * from what is deployed; a test checks every schema reference resolves.
 */
final class OpenApiDocument {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private final String json;

    OpenApiDocument(Catalog catalog) {
        var doc = build(catalog, components());
        doc.set("x-luna-streams", resource("/openapi/streams.json"));
        this.json = Json.write(doc);
    }

    String json() {
        return json;
    }

    static ObjectNode build(Catalog catalog, ObjectNode components) {
        var doc = Json.object();
        doc.put("openapi", "3.1.0");
        doc.put("jsonSchemaDialect", "https://spec.openapis.org/oas/3.1/dialect/base");
        var info = doc.putObject("info");
        info.put("title", "Luna API");
        info.put("version", Envelope.API_VERSION);
        info.put("description", "Serverless AI-agent platform. Every operation is its own function; "
                + "responses use the envelope {data, meta, links}, errors {error{code, message, details, requestId, timestamp}}.");
        doc.putArray("servers").addObject().put("url", "/");
        var paths = doc.putObject("paths");
        for (var f : catalog.httpFunctions()) {
            String path = openApiPath(f.trigger().path());
            var item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            item.set(f.trigger().method().toLowerCase(java.util.Locale.ROOT), operation(f, components.path("schemas")));
        }
        doc.set("components", components);
        return doc;
    }

    private static ObjectNode operation(Catalog.FunctionSpec f, JsonNode schemas) {
        var op = Json.object();
        op.put("operationId", f.name());
        op.put("summary", f.summary());
        op.putArray("tags").add(f.module());
        op.put("x-luna-function", f.name());
        if (f.minimumRole() != null) op.put("x-luna-minimum-role", f.minimumRole());
        var security = op.putArray("security");
        if (!f.isPublic()) {
            var scopes = security.addObject().putArray("bearer");
            f.scopes().forEach(scopes::add);
        }
        var params = op.putArray("parameters");
        Matcher m = PATH_PARAM.matcher(f.trigger().path());
        while (m.find()) {
            var p = params.addObject();
            boolean greedy = m.group(1).endsWith("+");
            p.put("name", greedy ? m.group(1).substring(0, m.group(1).length() - 1) : m.group(1));
            p.put("in", "path");
            p.put("required", true);
            var format = PathParameters.format(f.trigger().path(), p.get("name").asString());
            p.put("description", greedy ? "The rest of the path; may contain '/': " + format.description() : format.description());
            p.putObject("schema").put("type", "string").put("pattern", "^" + format.regex() + "$");
        }
        String response = f.responseSchema();
        boolean list = response != null && response.endsWith("[]");
        if (list) {
            queryParam(params, "limit", "integer", "Page size (1-100, default 20)");
            queryParam(params, "cursor", "string", "Opaque cursor from links.next");
        }
        if (!"GET".equals(f.trigger().method())) {
            var p = params.addObject();
            p.put("name", "Idempotency-Key");
            p.put("in", "header");
            p.put("required", false);
            p.put("description", "A retried request with the same key returns the first response");
            p.putObject("schema").put("type", "string").put("maxLength", 255);
        }
        if (f.requestSchema() != null) {
            var body = op.putObject("requestBody");
            body.put("required", !java.util.Set.of("RollbackRequest", "Heartbeat", "RedriveRequest").contains(f.requestSchema()));
            body.putObject("content").putObject("application/json").putObject("schema").put("$ref", ref(f.requestSchema()));
        }
        var responses = op.putObject("responses");
        String success = "POST".equals(f.trigger().method()) && (f.name().endsWith("-create") || f.name().endsWith("-submit")) ? "201"
                : java.util.Set.of("tasks-retry").contains(f.name()) ? "202" : "200";
        var ok = responses.putObject(success);
        ok.put("description", "Success");
        JsonNode responseSchema = response == null ? null : schemas.path(list ? response.substring(0, response.length() - 2) : response);
        if (response != null && responseSchema.path("x-luna-unenveloped").asBoolean(false)) {
            // answered as is, not in the envelope (e.g. the OpenAI-compatible endpoint), in each content type it declares
            var content = ok.putObject("content");
            for (var type : responseSchema.path("x-luna-content-types")) {
                content.putObject(type.asString()).putObject("schema").put("$ref", ref(type.asString().startsWith("text/event-stream")
                        ? responseSchema.path("x-luna-stream-schema").asString(response) : response));
            }
            if (content.isEmpty()) content.putObject("application/json").putObject("schema").put("$ref", ref(response));
            if ("binary".equals(responseSchema.path("format").asString(null))) {
                responses.putObject("302").put("description", "In AWS: a redirect to a short-lived presigned S3 URL of the content")
                        .putObject("headers").putObject("Location").putObject("schema").put("type", "string").put("format", "uri");
            }
        } else if (response != null) {
            if (responseSchema.path("x-luna-upsert").asBoolean(false)) {
                responses.putObject("201").put("description", "Created").putObject("content").putObject("application/json")
                        .putObject("schema").put("$ref", ref("SuccessEnvelope"));
            }
            var schema = ok.putObject("content").putObject("application/json").putObject("schema");
            var all = schema.putArray("allOf");
            all.addObject().put("$ref", ref("SuccessEnvelope"));
            var data = all.addObject().put("type", "object").putObject("properties").putObject("data");
            if (list) {
                data.put("type", "array");
                data.putObject("items").put("$ref", ref(response.substring(0, response.length() - 2)));
            } else {
                data.put("$ref", ref(response));
            }
        }
        errorResponse(responses, "4XX", "Client error (VALIDATION_FAILED, NOT_FOUND, CONFLICT, …)");
        if (!f.isPublic()) {
            errorResponse(responses, "401", "Missing or invalid credentials");
            errorResponse(responses, "403", "Missing scope " + String.join(", ", f.scopes()));
        }
        return op;
    }

    /** An API Gateway path as OpenAPI writes it: a greedy {@code {name+}} is {@code {name}}. */
    static String openApiPath(String path) {
        return path.replace("+}", "}");
    }

    private static void queryParam(ArrayNode params, String name, String type, String description) {
        var p = params.addObject();
        p.put("name", name);
        p.put("in", "query");
        p.put("required", false);
        p.put("description", description);
        p.putObject("schema").put("type", type);
    }

    private static void errorResponse(ObjectNode responses, String status, String description) {
        var r = responses.putObject(status);
        r.put("description", description);
        r.putObject("content").putObject("application/json").putObject("schema").put("$ref", ref("ErrorEnvelope"));
    }

    static String ref(String schema) {
        return "#/components/schemas/" + schema;
    }

    static ObjectNode components() {
        return resource("/openapi/components.json");
    }

    /** The WebSocket and SSE streams: not catalog functions, so described beside {@code paths} (openapi/streams.json). */
    private static ObjectNode resource(String name) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(name)) {
            JsonNode node = Json.tree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
