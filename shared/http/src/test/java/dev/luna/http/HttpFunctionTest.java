package dev.luna.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.luna.catalog.Catalog;
import dev.luna.core.ErrorCode;
import dev.luna.core.Json;
import dev.luna.core.LunaException;
import dev.luna.store.LunaConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request pipeline of a public read function (no storage involved): envelopes, errors, body handling, request ids. */
class HttpFunctionTest {
    private final Platform platform = new Platform(LunaConfig.from(Map.<String, String>of()::get), Clock.systemUTC());
    private final Catalog.FunctionSpec spec = new Catalog.FunctionSpec("echo", "m", "echo", null,
            new Catalog.Trigger("http", "GET", "/echo", null, null, null, null), true, List.of(), null, null, List.of(), List.of(), null, null, null);

    private HttpFunction function(RouteHandler handler) {
        return new HttpFunction(spec, handler, platform);
    }

    private static APIGatewayV2HTTPEvent event(String body, boolean base64, Map<String, String> headers) {
        var ctx = APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("ctx-id")
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").build()).build();
        return APIGatewayV2HTTPEvent.builder().withRawPath("/echo").withRawQueryString("").withHeaders(headers)
                .withBody(body).withIsBase64Encoded(base64).withRequestContext(ctx).build();
    }

    @Test
    void wrapsDataInTheEnvelope() {
        var r = function(req -> ApiResult.ok(Map.of("echo", req.body()))).apply(event("hi", false, Map.of()));
        assertThat(r.getStatusCode()).isEqualTo(200);
        var json = Json.tree(r.getBody());
        assertThat(json.get("data").get("echo").asString()).isEqualTo("hi");
        assertThat(json.get("meta").get("requestId").asString()).isEqualTo("ctx-id");
        assertThat(r.getHeaders()).containsEntry("X-Request-Id", "ctx-id");
    }

    @Test
    void decodesBase64Bodies() {
        String b64 = Base64.getEncoder().encodeToString("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        var r = function(req -> ApiResult.ok(req.body())).apply(event(b64, true, Map.of()));
        assertThat(Json.tree(r.getBody()).get("data").asString()).isEqualTo("{\"a\":1}");
    }

    @Test
    void mapsDomainErrorsAndHidesUnexpectedOnes() {
        var known = function(req -> {
            throw new LunaException(ErrorCode.INVALID_TRANSITION, "nope", Map.of("status", "running"));
        }).apply(event(null, false, Map.of("x-request-id", "mine-1")));
        assertThat(known.getStatusCode()).isEqualTo(409);
        var error = Json.tree(known.getBody()).get("error");
        assertThat(error.get("code").asString()).isEqualTo("INVALID_TRANSITION");
        assertThat(error.get("details").get("status").asString()).isEqualTo("running");
        assertThat(error.get("requestId").asString()).isEqualTo("mine-1");

        var unexpected = function(req -> {
            throw new IllegalStateException("secret internals");
        }).apply(event(null, false, Map.of()));
        assertThat(unexpected.getStatusCode()).isEqualTo(500);
        assertThat(unexpected.getBody()).contains("INTERNAL").doesNotContain("secret internals").doesNotContain("IllegalStateException");
    }

    @Test
    void refusesBodiesOverOneMebibyte() {
        String big = "x".repeat(HttpFunction.MAX_BODY_BYTES + 1);
        var r = function(req -> ApiResult.ok("never")).apply(event(big, false, Map.of()));
        assertThat(r.getStatusCode()).isEqualTo(413);
        assertThat(r.getBody()).contains("PAYLOAD_TOO_LARGE");
        String multiByte = "é".repeat(HttpFunction.MAX_BODY_BYTES / 2 + 1);
        assertThat(function(req -> ApiResult.ok("never")).apply(event(multiByte, false, Map.of())).getStatusCode()).isEqualTo(413);
    }

    @Test
    void ignoresUnsafeClientRequestIds() {
        var r = function(req -> ApiResult.ok(1)).apply(event(null, false, Map.of("X-Request-Id", "bad id\nwith newline")));
        assertThat(r.getHeaders().get("X-Request-Id")).isEqualTo("ctx-id");
    }
}
