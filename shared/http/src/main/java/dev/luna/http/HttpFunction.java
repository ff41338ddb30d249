package dev.luna.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.luna.catalog.Access;
import dev.luna.catalog.Catalog;
import dev.luna.core.ErrorCode;
import dev.luna.core.Hashes;
import dev.luna.core.Json;
import dev.luna.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import dev.luna.core.LunaException;
import dev.luna.core.Principal;
import dev.luna.identity.AuditEntry;
import dev.luna.identity.RateLimiter;
import dev.luna.store.IdempotencyStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one request pipeline every HTTP function runs, in Lambda and locally: request id, body limits,
 * authentication, the catalog's scopes, idempotency, the handler, the envelope, and the single mapping from
 * exceptions to error responses. Handlers only see {@link ApiRequest} and return {@link ApiResult}.
 */
public final class HttpFunction implements Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(HttpFunction.class);
    private static final Pattern CLIENT_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final Catalog.FunctionSpec spec;
    private final RouteHandler handler;
    private final Platform platform;
    private final EdgeSecret edgeSecret;

    private final dev.luna.core.ProjectRole minimumRole;

    public HttpFunction(Catalog.FunctionSpec spec, RouteHandler handler, Platform platform) {
        this.minimumRole = spec.minimumRole() == null ? null : dev.luna.core.ProjectRole.fromWire(spec.minimumRole());
        if (spec.minimumRole() != null && minimumRole == null) {
            throw new IllegalStateException("catalog function " + spec.name() + " has an unknown minimumRole " + spec.minimumRole());
        }
        this.spec = spec;
        this.handler = handler;
        this.platform = platform;
        this.edgeSecret = EdgeSecret.of(platform.config());
    }

    public Catalog.FunctionSpec spec() {
        return spec;
    }

    @Override
    public APIGatewayV2HTTPResponse apply(APIGatewayV2HTTPEvent event) {
        long started = System.nanoTime();
        Instant now = platform.clock().instant();
        var headers = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        if (event.getHeaders() != null) headers.putAll(event.getHeaders());
        String requestId = requestId(event, headers);
        String method = method(event);
        try (var ignored = Tracing.enterRequest(Tracing.extract(headers), requestId)) {
            Span span = Tracing.start(method + " " + spec.trigger().path(), SpanKind.SERVER, Map.of(Tracing.FUNCTION, spec.name(),
                    "http.request.method", method, "http.route", spec.trigger().path()));
            try (var current = span.makeCurrent()) {
                var response = handle(event, headers, requestId, method, started, now);
                span.setAttribute("http.response.status_code", response.getStatusCode());
                if (response.getStatusCode() >= 500) span.setStatus(StatusCode.ERROR, "HTTP " + response.getStatusCode());
                return response;
            } finally {
                span.end();
            }
        }
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, TreeMap<String, String> headers, String requestId,
                                            String method, long started, Instant now) {
        MDC.put("requestId", requestId);
        MDC.put("function", spec.name());
        String idempotencyKey = null;
        Principal principal = Principal.anonymous();
        ApiRequest request = null;
        var limitHeaders = new LinkedHashMap<String, String>();
        APIGatewayV2HTTPResponse response;
        try {
            edgeSecret.check(spec.name(), headers);
            String body = body(event);
            if (!spec.isPublic()) principal = authenticate(headers.get("Authorization"));
            rateLimit(principal, method, sourceIp(event), limitHeaders);
            authorize(principal);
            PathParameters.check(spec.trigger().path(), event.getPathParameters());
            request = new ApiRequest(method, event.getRawPath(), event.getRawQueryString(), event.getPathParameters(),
                    event.getQueryStringParameters(), headers, body, requestId, principal,
                    new Access(principal, spec.scopes(), minimumRole, platform.identity().projects()), sourceIp(event));
            idempotencyKey = idempotencyKey(request);
            if (idempotencyKey != null) {
                var outcome = platform.idempotency().begin(idempotencyKey, requestHash(request));
                if (outcome instanceof IdempotencyStore.Outcome.Replay replay) {
                    idempotencyKey = null;
                    response = replayed(replay.response(), requestId);
                    return finish(response, event, method, started, request, principal, limitHeaders, false);
                }
            }
            response = respond(handler.handle(request), request, now);
            if (idempotencyKey != null) {
                if (response.getStatusCode() < 500) {
                    platform.idempotency().complete(idempotencyKey, Json.write(StoredResponse.of(response)));
                } else {
                    platform.idempotency().release(idempotencyKey);
                }
            }
        } catch (LunaException e) {
            releaseQuietly(idempotencyKey);
            response = error(e.code(), e.getMessage(), e.details(), requestId, now);
            if (e.code() == ErrorCode.UNAUTHENTICATED) {
                response.getHeaders().put("WWW-Authenticate", "Bearer realm=\"luna\"");
            }
        } catch (SdkException e) {
            releaseQuietly(idempotencyKey);
            log.error("storage unavailable: {}", e.toString());
            response = error(ErrorCode.UNAVAILABLE, "A backing service is unavailable; retry with backoff", null, requestId, now);
            response.getHeaders().put("Retry-After", "1");
        } catch (RuntimeException e) {
            releaseQuietly(idempotencyKey);
            log.error("unhandled error", e);
            response = error(ErrorCode.INTERNAL, "Internal error; quote requestId " + requestId + " when reporting it",
                    null, requestId, now);
        }
        return finish(response, event, method, started, request, principal, limitHeaders, true);
    }

    /** Adds rate-limit headers, writes the audit entry of a write, logs the access line. */
    private APIGatewayV2HTTPResponse finish(APIGatewayV2HTTPResponse response, APIGatewayV2HTTPEvent event, String method,
                                            long started, ApiRequest request, Principal principal,
                                            Map<String, String> limitHeaders, boolean audit) {
        try {
            response.getHeaders().putAll(limitHeaders);
            if (audit && isWrite(method)) audit(response, event, method, request, principal);
            ApiMetrics.record(spec.name(), response, started);
            if (log.isInfoEnabled()) {
                log.info("{} {} -> {} in {} ms [{}]", method, event.getRawPath(), response.getStatusCode(),
                        (System.nanoTime() - started) / 1_000_000, spec.name());
            }
            return response;
        } finally {
            MDC.remove("requestId");
            MDC.remove("function");
        }
    }

    /**
     * Per API key and per user limits (requests per minute, shared by all instances); public functions are limited
     * per source address. Sets the RateLimit-* headers; throws 429 with Retry-After when a limit is reached.
     */
    private void rateLimit(Principal principal, String method, String sourceIp, Map<String, String> headers) {
        var identity = platform.identity();
        var limits = identity.rateLimits();
        RateLimiter.Decision tightest = null;
        if (spec.isPublic()) {
            if (!isWrite(method)) return;
            tightest = identity.rateLimiter().check("ip:" + sourceIp, limits.perUserPerMinute(), limits.window());
        } else {
            if ("api_key".equals(principal.kind())) {
                long keyLimit = keyLimit(principal, limits.perKeyPerMinute());
                tightest = identity.rateLimiter().check("key:" + principal.credentialId(), keyLimit, limits.window());
            }
            if (tightest == null || tightest.allowed()) {
                // a request the key already refused does not spend the user's budget
                var user = identity.rateLimiter().check("user:" + principal.id(), limits.perUserPerMinute(), limits.window());
                if (tightest == null || !user.allowed() || user.remaining() < tightest.remaining()) tightest = user;
            }
        }
        headers.put("RateLimit-Limit", Long.toString(tightest.limit()));
        headers.put("RateLimit-Remaining", Long.toString(tightest.remaining()));
        headers.put("RateLimit-Reset", Long.toString(tightest.resetSeconds()));
        if (!tightest.allowed()) {
            var e = new LunaException(ErrorCode.RATE_LIMITED, "Rate limit of " + tightest.limit() + " requests per "
                    + limits.window().toSeconds() + " s reached; retry in "
                    + tightest.resetSeconds() + " s", Map.of("limit", tightest.limit(), "retryAfterSeconds", tightest.resetSeconds()));
            headers.put("Retry-After", Long.toString(tightest.resetSeconds()));
            throw e;
        }
    }

    private long keyLimit(Principal principal, long fallback) {
        Integer own = principal.rateLimitPerMinute();
        return own != null ? own : fallback;
    }

    private void audit(APIGatewayV2HTTPResponse response, APIGatewayV2HTTPEvent event, String method, ApiRequest request,
                       Principal principal) {
        try {
            String resourceId = event.getPathParameters() != null ? event.getPathParameters().get("id") : null;
            String location = response.getHeaders().get("Location");
            if (resourceId == null && location != null) resourceId = location.substring(location.lastIndexOf('/') + 1);
            String errorCode = null;
            if (response.getStatusCode() >= 400) {
                errorCode = Json.tree(response.getBody()).path("error").path("code").asString(null);
            }
            var ctx = event.getRequestContext();
            String userAgent = ctx != null && ctx.getHttp() != null ? ctx.getHttp().getUserAgent() : null;
            platform.identity().audit().record(new AuditEntry(platform.ids().next("aud"), platform.clock().instant(),
                    principal.id(), principal.kind(), principal.credentialId(), spec.name(), method, event.getRawPath(), resourceId,
                    request == null ? null : request.access().projectId(), response.getHeaders().get("X-Request-Id"),
                    response.getStatusCode(), errorCode, sourceIp(event), userAgent));
        } catch (RuntimeException e) {
            log.error("could not write the audit entry: {}", e.toString());
        }
    }

    private static boolean isWrite(String method) {
        return !"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method);
    }

    private static String sourceIp(APIGatewayV2HTTPEvent event) {
        var ctx = event.getRequestContext();
        return ctx != null && ctx.getHttp() != null && ctx.getHttp().getSourceIp() != null ? ctx.getHttp().getSourceIp() : "unknown";
    }

    private Principal authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new LunaException(ErrorCode.UNAUTHENTICATED, "Missing credentials: send 'Authorization: Bearer <api key>'");
        }
        String[] parts = authorization.trim().split("\\s+");
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer") || parts[1].isEmpty()) {
            throw new LunaException(ErrorCode.UNAUTHENTICATED, "Malformed Authorization header: expected 'Bearer <token>'");
        }
        return platform.authenticator().authenticate(parts[1]);
    }

    private void authorize(Principal principal) {
        InProcessFunctions.Scopes.require(spec, principal);
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        var ctx = event.getRequestContext();
        if (ctx != null && ctx.getHttp() != null && ctx.getHttp().getMethod() != null) {
            return ctx.getHttp().getMethod().toUpperCase(Locale.ROOT);
        }
        String routeKey = event.getRouteKey();
        return routeKey != null && routeKey.contains(" ") ? routeKey.substring(0, routeKey.indexOf(' ')) : "GET";
    }

    private String requestId(APIGatewayV2HTTPEvent event, Map<String, String> headers) {
        String fromClient = headers.get("X-Request-Id");
        if (fromClient != null && CLIENT_REQUEST_ID.matcher(fromClient).matches()) return fromClient;
        var ctx = event.getRequestContext();
        if (ctx != null && ctx.getRequestId() != null && !ctx.getRequestId().isBlank()) return ctx.getRequestId();
        return platform.ids().next("req");
    }

    private static String body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) return null;
        if (event.getIsBase64Encoded()) {
            if (body.length() > MAX_BODY_BYTES / 3 * 4 + 4) throw tooLarge();
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new LunaException(ErrorCode.MALFORMED_JSON, "Request body is not valid base64");
            }
            if (bytes.length > MAX_BODY_BYTES) throw tooLarge();
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (body.length() > MAX_BODY_BYTES || body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) throw tooLarge();
        return body;
    }

    private static LunaException tooLarge() {
        return new LunaException(ErrorCode.PAYLOAD_TOO_LARGE, "Request body exceeds the limit of " + MAX_BODY_BYTES + " bytes",
                Map.of("limitBytes", MAX_BODY_BYTES));
    }

    private static String idempotencyKey(ApiRequest request) {
        var key = request.header("Idempotency-Key");
        if (key.isEmpty() || request.method().equals("GET")) return null;
        if (!IDEMPOTENCY_KEY.matcher(key.get()).matches()) {
            throw new dev.luna.core.ValidationException("Idempotency-Key", "must be 1 to 255 printable ASCII characters");
        }
        return request.principal().id() + "#" + request.method() + " " + request.path() + "#" + key.get();
    }

    private static String requestHash(ApiRequest request) {
        return Hashes.sha256(request.method() + " " + request.path() + "?" + request.rawQuery() + "\n" + request.body());
    }

    private APIGatewayV2HTTPResponse respond(ApiResult result, ApiRequest request, Instant now) {
        var headers = new LinkedHashMap<String, String>();
        String body;
        if (result.isRaw()) {
            headers.put("Content-Type", result.rawContentType());
            body = result.rawBody();
        } else {
            headers.put("Content-Type", "application/json");
            String self = request.path() + (request.rawQuery() == null || request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery());
            String next = result.nextCursor() == null ? null : pageLink(request, result.nextCursor());
            var links = result.links();
            if (result.prevCursor() != null) {
                links = new LinkedHashMap<>(links);
                links.put("prev", pageLink(request, result.prevCursor()));
            }
            body = Envelope.success(result.data(), request.requestId(), now, self, next, links);
        }
        headers.putAll(result.headers());
        headers.put("X-Request-Id", request.requestId());
        if (result.binaryBody() != null) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(result.status()).withHeaders(headers)
                    .withBody(Base64.getEncoder().encodeToString(result.binaryBody())).withIsBase64Encoded(true).build();
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(result.status()).withHeaders(headers).withBody(body).build();
    }

    private static String pageLink(ApiRequest request, String cursor) {
        var sb = new StringBuilder(request.path()).append('?');
        request.queryParameters().forEach((k, v) -> {
            if (!k.equals("cursor")) sb.append(enc(k)).append('=').append(enc(v)).append('&');
        });
        return sb.append("cursor=").append(enc(cursor)).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static APIGatewayV2HTTPResponse error(ErrorCode code, String message, Object details, String requestId, Instant now) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Request-Id", requestId);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(code.status()).withHeaders(headers)
                .withBody(Envelope.error(code, message, details, requestId, now)).build();
    }

    private static APIGatewayV2HTTPResponse replayed(String stored, String requestId) {
        var s = Json.readTrusted(stored, StoredResponse.class);
        var headers = new LinkedHashMap<>(s.headers());
        headers.put("Idempotent-Replayed", "true");
        headers.put("X-Request-Id", requestId);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(s.status()).withHeaders(headers).withBody(s.body()).build();
    }

    private void releaseQuietly(String idempotencyKey) {
        if (idempotencyKey == null) return;
        try {
            platform.idempotency().release(idempotencyKey);
        } catch (RuntimeException e) {
            log.warn("could not release idempotency record: {}", e.toString());
        }
    }

    /** A response as kept in the idempotency store. */
    record StoredResponse(int status, Map<String, String> headers, String body) {
        static StoredResponse of(APIGatewayV2HTTPResponse r) {
            var h = new LinkedHashMap<>(r.getHeaders());
            h.remove("X-Request-Id");
            return new StoredResponse(r.getStatusCode(), h, r.getBody());
        }
    }
}
