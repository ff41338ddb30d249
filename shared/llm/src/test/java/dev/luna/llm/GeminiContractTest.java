package dev.luna.llm;

import static org.assertj.core.api.Assertions.assertThat;

class GeminiContractTest extends ProviderContractTest {
    @Override
    ProviderStandIn.Dialect dialect() {
        return ProviderStandIn.Dialect.GEMINI;
    }

    @Override
    String providerName() {
        return "gemini";
    }

    @Override
    ModelSpec model() {
        return ModelCatalog.load(null).find("gemini-2.5-flash").orElseThrow();
    }

    @Override
    Usage expectedUsage() {
        return new Usage(42, 10, 0, 9, false);
    }

    @Override
    void assertAuthenticated(ProviderStandIn s) {
        assertThat(s.header(0, "x-goog-api-key")).isEqualTo("sk-test-gemini");
        assertThat(s.requests.get(0).get("contents").get(0).get("role").asString()).isEqualTo("user");
    }

    /** langchain4j's Gemini adapter needs usageMetadata (Gemini always sends it); without it the answer is malformed. */
    @Override
    void checkAnswerWithoutUsage() {
        var e = failure(() -> provider.chat(call(TIMEOUT)));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED_RESPONSE);
        assertThat(e.retriable()).isTrue();
    }
}
