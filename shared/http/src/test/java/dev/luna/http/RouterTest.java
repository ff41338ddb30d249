package dev.luna.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.catalog.Catalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static Catalog.FunctionSpec fn(String name, String method, String path) {
        return new Catalog.FunctionSpec(name, "m", name, null, new Catalog.Trigger("http", method, path, null, null, null, null),
                false, List.of(), null, null, List.of(), List.of(), null, null, null);
    }

    private final Router router = new Router(List.of(
            fn("get", "GET", "/api/v1/agents/{id}"),
            fn("health-all", "GET", "/api/v1/agents/health"),
            fn("update", "PUT", "/api/v1/agents/{id}"),
            fn("start", "POST", "/api/v1/agents/{id}/start"),
            fn("queue", "SQS", null)));

    @Test
    void literalSegmentsWinOverParameters() {
        assertThat(router.find("GET", "/api/v1/agents/health").orElseThrow().function().name()).isEqualTo("health-all");
        var m = router.find("GET", "/api/v1/agents/agt_1").orElseThrow();
        assertThat(m.function().name()).isEqualTo("get");
        assertThat(m.pathParameters()).isEqualTo(Map.of("id", "agt_1"));
        assertThat(m.routeKey()).isEqualTo("GET /api/v1/agents/{id}");
    }

    @Test
    void decodesParametersAndIgnoresATrailingSlash() {
        assertThat(router.find("POST", "/api/v1/agents/a%20b/start/").orElseThrow().pathParameters()).isEqualTo(Map.of("id", "a b"));
    }

    @Test
    void decodesRawSegmentsLenientlyKeepingPlusSignsAndMalformedEscapes() {
        assertThat(router.find("GET", "/api/v1/agents/%25").orElseThrow().pathParameters()).isEqualTo(Map.of("id", "%"));
        assertThat(router.find("GET", "/api/v1/agents/a+b").orElseThrow().pathParameters()).isEqualTo(Map.of("id", "a+b"));
        assertThat(router.find("GET", "/api/v1/agents/a%2Fb").orElseThrow().pathParameters()).isEqualTo(Map.of("id", "a/b"));
        assertThat(router.find("GET", "/api/v1/agents/%zz").orElseThrow().pathParameters()).isEqualTo(Map.of("id", "%zz"));
        assertThat(router.find("GET", "/api/v1/agents/%").orElseThrow().pathParameters()).isEqualTo(Map.of("id", "%"));
    }

    @Test
    void distinguishesWrongMethodFromUnknownPath() {
        assertThat(router.route("DELETE", "/api/v1/agents/x")).isInstanceOfSatisfying(Router.Result.MethodNotAllowed.class,
                r -> assertThat(r.allowed()).containsExactly("GET", "PUT"));
        assertThat(router.route("GET", "/api/v1/agents/x/y/z")).isInstanceOf(Router.Result.NotFound.class);
        assertThat(router.route("GET", "/api/v1/agents//start")).isInstanceOf(Router.Result.NotFound.class);
    }
}
