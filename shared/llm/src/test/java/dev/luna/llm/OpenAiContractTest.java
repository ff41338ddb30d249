package dev.luna.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

class OpenAiContractTest extends ProviderContractTest {
    @Override
    ProviderStandIn.Dialect dialect() {
        return ProviderStandIn.Dialect.OPENAI;
    }

    @Override
    String providerName() {
        return "openai";
    }

    @Override
    ModelSpec model() {
        return ModelCatalog.load(null).find("gpt-4o-mini").orElseThrow();
    }

    @Override
    Usage expectedUsage() {
        return new Usage(42, 10, 0, 9, false);
    }

    @Override
    void assertAuthenticated(ProviderStandIn s) {
        assertThat(s.header(0, "Authorization")).isEqualTo("Bearer sk-test-openai");
        assertThat(s.requests.get(0).get("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(s.requests.get(0).get("messages").get(0).get("role").asString()).isEqualTo("system");
    }

    @org.junit.jupiter.api.Test
    void streamsAskForUsage() {
        provider.stream(call(TIMEOUT), d -> { });
        assertThat(standIn.requests.get(0).path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(Set.of("max_tokens", "max_completion_tokens")).anyMatch(f -> standIn.requests.get(0).has(f));
    }
}
