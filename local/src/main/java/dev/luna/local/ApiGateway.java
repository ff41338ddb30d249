package dev.luna.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.luna.core.ErrorCode;
import dev.luna.core.Ids;
import dev.luna.core.Json;
import dev.luna.http.Envelope;
import dev.luna.http.Router;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The local stand-in for API Gateway (HTTP API, payload format 2.0): routes a request by the catalog, turns it
 * into the same JSON event Lambda receives, invokes the function through {@link LambdaInvoker}, and writes the
 * function's response back. Answers route misses and oversized payloads itself, in the platform's error envelope.
 */
final class ApiGateway implements HttpHandler {
    /** Lambda's synchronous invocation payload limit. */
    static final int MAX_EVENT_BODY_BYTES = 6 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(ApiGateway.class);

    private final Router router;
    private final LambdaInvoker invoker;
    private final Ids ids;
    private final Clock clock;
    private final ConsoleAssets console;

    ApiGateway(Router router, LambdaInvoker invoker, Clock clock, ConsoleAssets console) {
        this.console = console;
        this.router = router;
        this.invoker = invoker;
        this.clock = clock;
        this.ids = new Ids(clock);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = ids.next("req");
        try (exchange) {
            serve(exchange, requestId);
        }
    }

    private void serve(HttpExchange exchange, String requestId) throws IOException {
        try {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String rawPath = exchange.getRequestURI().getRawPath();
            String path = exchange.getRequestURI().getPath();
            var result = router.route(method, rawPath);
            if (result instanceof Router.Result.NotFound) {
                if (console.serve(exchange, method, path)) return; // the web console, when built
                drain(exchange.getRequestBody());
                sendError(exchange, ErrorCode.ROUTE_NOT_FOUND, "No route for " + method + " " + path, requestId, Map.of());
                return;
            }
            if (result instanceof Router.Result.MethodNotAllowed mna) {
                drain(exchange.getRequestBody());
                exchange.getResponseHeaders().set("Allow", String.join(", ", mna.allowed()));
                sendError(exchange, ErrorCode.METHOD_NOT_ALLOWED, method + " is not allowed on " + path
                        + "; allowed: " + String.join(", ", mna.allowed()), requestId, Map.of("allowed", mna.allowed()));
                return;
            }
            var match = ((Router.Result.Found) result).match();
            byte[] body = readLimited(exchange.getRequestBody());
            if (body == null) {
                sendError(exchange, ErrorCode.PAYLOAD_TOO_LARGE, "Request body exceeds " + MAX_EVENT_BODY_BYTES + " bytes",
                        requestId, Map.of("limitBytes", MAX_EVENT_BODY_BYTES));
                return;
            }
            byte[] event = Json.writeBytes(event(exchange, method, rawPath, match, body, requestId));
            byte[] output = invoker.invoke(match.function().bean(), event);
            writeResponse(exchange, Json.mapper().readTree(output));
        } catch (RuntimeException e) {
            log.error("gateway failure for {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            sendError(exchange, ErrorCode.INTERNAL, "Internal error; quote requestId " + requestId, requestId, Map.of());
        }
    }

    private Map<String, Object> event(HttpExchange ex, String method, String rawPath, Router.Match match, byte[] body,
                                      String requestId) {
        var headers = new LinkedHashMap<String, String>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        String rawQuery = ex.getRequestURI().getRawQuery();
        Instant now = clock.instant();
        var http = new LinkedHashMap<String, Object>();
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", ex.getProtocol());
        http.put("sourceIp", ex.getRemoteAddress().getAddress().getHostAddress());
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

    private static void writeResponse(HttpExchange ex, JsonNode response) throws IOException {
        int status = response.path("statusCode").asInt(200);
        var headers = response.path("headers");
        for (var e : headers.properties()) ex.getResponseHeaders().set(e.getKey(), e.getValue().asString());
        var multi = response.path("multiValueHeaders");
        for (var e : multi.properties()) {
            ex.getResponseHeaders().put(e.getKey(), e.getValue().valueStream().map(JsonNode::asString).toList());
        }
        String bodyText = response.path("body").isNull() ? null : response.path("body").asString(null);
        byte[] body = bodyText == null ? new byte[0]
                : response.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(bodyText)
                : bodyText.getBytes(StandardCharsets.UTF_8);
        send(ex, status, body);
    }

    private void sendError(HttpExchange ex, ErrorCode code, String message, String requestId, Object details) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.getResponseHeaders().set("X-Request-Id", requestId);
        send(ex, code.status(), Envelope.error(code, message, details, requestId, clock.instant()).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        boolean noBody = status == 204 || status == 304 || "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, noBody ? -1 : body.length == 0 ? -1 : body.length);
        if (!noBody && body.length > 0) ex.getResponseBody().write(body);
    }

    /** Reads the body, or returns null when it exceeds the limit. */
    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] data = in.readNBytes(MAX_EVENT_BODY_BYTES + 1);
        if (data.length > MAX_EVENT_BODY_BYTES) {
            drain(in);
            return null;
        }
        return data;
    }

    private static void drain(InputStream in) throws IOException {
        in.transferTo(java.io.OutputStream.nullOutputStream());
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
