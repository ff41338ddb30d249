package dev.luna.local;

import dev.luna.core.ErrorCode;
import dev.luna.core.Ids;
import dev.luna.core.Json;
import dev.luna.http.Envelope;
import dev.luna.http.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The local stand-in for API Gateway (HTTP API, payload format 2.0): routes a request by the catalog, turns it
 * into the same JSON event Lambda receives, invokes the function through {@link LambdaInvoker}, and writes the
 * function's response back. Answers route misses and oversized payloads itself, in the platform's error envelope.
 */
final class ApiGateway extends Handler.Abstract {
    /** Lambda's synchronous invocation payload limit. */
    static final int MAX_EVENT_BODY_BYTES = 6 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(ApiGateway.class);

    private final Router router;
    private final LambdaInvoker invoker;
    private final Ids ids;
    private final Clock clock;

    ApiGateway(Router router, LambdaInvoker invoker, Clock clock) {
        this.router = router;
        this.invoker = invoker;
        this.clock = clock;
        this.ids = new Ids(clock);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String requestId = ids.next("req");
        try {
            serve(request, response, callback, requestId);
        } catch (IOException | RuntimeException e) {
            log.error("gateway failure for {} {}", request.getMethod(), request.getHttpURI().getPath(), e);
            if (!response.isCommitted()) {
                response.getHeaders().clear();
                sendError(request, response, callback, ErrorCode.INTERNAL, "Internal error; quote requestId " + requestId, requestId, Map.of());
            } else {
                callback.failed(e);
            }
        }
        return true;
    }

    private void serve(Request request, Response response, Callback callback, String requestId) throws IOException {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String rawPath = request.getHttpURI().getPath();
        String path = request.getHttpURI().getDecodedPath();
        var result = router.route(method, rawPath);
        if (result instanceof Router.Result.NotFound) {
            drain(request);
            sendError(request, response, callback, ErrorCode.ROUTE_NOT_FOUND, "No route for " + method + " " + path, requestId, Map.of());
            return;
        }
        if (result instanceof Router.Result.MethodNotAllowed mna) {
            drain(request);
            response.getHeaders().put("Allow", String.join(", ", mna.allowed()));
            sendError(request, response, callback, ErrorCode.METHOD_NOT_ALLOWED, method + " is not allowed on " + path
                    + "; allowed: " + String.join(", ", mna.allowed()), requestId, Map.of("allowed", mna.allowed()));
            return;
        }
        var match = ((Router.Result.Found) result).match();
        byte[] body = readLimited(request);
        if (body == null) {
            sendError(request, response, callback, ErrorCode.PAYLOAD_TOO_LARGE, "Request body exceeds " + MAX_EVENT_BODY_BYTES + " bytes",
                    requestId, Map.of("limitBytes", MAX_EVENT_BODY_BYTES));
            return;
        }
        byte[] event = Json.writeBytes(event(request, method, rawPath, match, body, requestId));
        byte[] output = invoker.invoke(match.function().bean(), event);
        writeResponse(request, response, callback, Json.mapper().readTree(output));
    }

    private Map<String, Object> event(Request request, String method, String rawPath, Router.Match match, byte[] body,
                                      String requestId) {
        var headers = Headers.lowerCased(request);
        String rawQuery = request.getHttpURI().getQuery();
        Instant now = clock.instant();
        var http = new LinkedHashMap<String, Object>();
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", request.getConnectionMetaData().getProtocol());
        http.put("sourceIp", Request.getRemoteAddr(request));
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        var ctx = new LinkedHashMap<String, Object>();
        ctx.put("accountId", "000000000000");
        ctx.put("apiId", "local");
        ctx.put("domainName", headers.getOrDefault("host", "localhost"));
        ctx.put("http", http);
        ctx.put("requestId", requestId);
        ctx.put("routeKey", match.routeKey());
        ctx.put("stage", "$default");
        ctx.put("time", now.toString());
        ctx.put("timeEpoch", now.toEpochMilli());
        var event = new LinkedHashMap<String, Object>();
        event.put("version", "2.0");
        event.put("routeKey", match.routeKey());
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        event.put("headers", headers);
        var query = QueryString.parse(rawQuery);
        if (!query.isEmpty()) event.put("queryStringParameters", query);
        if (!match.pathParameters().isEmpty()) event.put("pathParameters", match.pathParameters());
        event.put("requestContext", ctx);
        if (body.length > 0) {
            boolean text = isText(headers.get("content-type"));
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    private static boolean isText(String contentType) {
        if (contentType == null) return true;
        String ct = contentType.toLowerCase(Locale.ROOT);
        return ct.startsWith("text/") || ct.contains("json") || ct.contains("xml") || ct.contains("x-www-form-urlencoded");
    }

    private static void writeResponse(Request request, Response response, Callback callback, JsonNode answer) {
        int status = answer.path("statusCode").asInt(200);
        var headers = answer.path("headers");
        for (var e : headers.properties()) response.getHeaders().put(e.getKey(), e.getValue().asString());
        var multi = answer.path("multiValueHeaders");
        for (var e : multi.properties()) {
            response.getHeaders().put(e.getKey(), e.getValue().valueStream().map(JsonNode::asString).toList());
        }
        String bodyText = answer.path("body").isNull() ? null : answer.path("body").asString(null);
        byte[] body = bodyText == null ? new byte[0]
                : answer.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(bodyText)
                : bodyText.getBytes(StandardCharsets.UTF_8);
        send(request, response, callback, status, body);
    }

    private void sendError(Request request, Response response, Callback callback, ErrorCode code, String message, String requestId,
                           Object details) {
        response.getHeaders().put("Content-Type", "application/json");
        response.getHeaders().put("X-Request-Id", requestId);
        send(request, response, callback, code.status(),
                Envelope.error(code, message, details, requestId, clock.instant()).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the whole answer; no body for 204, 304 and HEAD (as the JDK server did). */
    static void send(Request request, Response response, Callback callback, int status, byte[] body) {
        response.setStatus(status);
        boolean noBody = status == 204 || status == 304 || "HEAD".equalsIgnoreCase(request.getMethod());
        if (noBody || body.length == 0) {
            response.getHeaders().remove("Content-Length");
            if (!noBody) response.getHeaders().put("Content-Length", 0L);
            response.write(true, null, callback);
        } else {
            response.getHeaders().put("Content-Length", (long) body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }

    /** Reads the body, or returns null when it exceeds the limit. */
    private static byte[] readLimited(Request request) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] data = in.readNBytes(MAX_EVENT_BODY_BYTES + 1);
            if (data.length > MAX_EVENT_BODY_BYTES) {
                in.transferTo(OutputStream.nullOutputStream());
                return null;
            }
            return data;
        }
    }

    private static void drain(Request request) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** Query-string parsing as API Gateway does it: repeated keys are joined with commas. */
    static final class QueryString {
        static Map<String, String> parse(String raw) {
            var out = new LinkedHashMap<String, String>();
            if (raw == null || raw.isEmpty()) return out;
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String k = decode(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
                out.merge(k, v, (a, b) -> a + "," + b);
            }
            return out;
        }

        private static String decode(String s) {
            try {
                return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return s;
            }
        }
    }
}
