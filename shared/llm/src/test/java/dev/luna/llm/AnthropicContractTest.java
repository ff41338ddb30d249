package dev.luna.llm;

import static org.assertj.core.api.Assertions.assertThat;

class AnthropicContractTest extends ProviderContractTest {
    @Override
    ProviderStandIn.Dialect dialect() {
        return ProviderStandIn.Dialect.ANTHROPIC;
    }

    @Override
    String providerName() {
        return "anthropic";
    }

    @Override
    ModelSpec model() {
        return ModelCatalog.load(null).find("claude-haiku-4-5").orElseThrow();
    }

    @Override
    Usage expectedUsage() {
        return new Usage(42, 10, 0, 9, false);
    }

    @Override
    void assertAuthenticated(ProviderStandIn s) {
        assertThat(s.header(0, "x-api-key")).isEqualTo("sk-test-anthropic");
        assertThat(s.header(0, "anthropic-version")).isNotBlank();
        var req = s.requests.get(0);
        assertThat(req.get("model").asString()).isEqualTo("claude-haiku-4-5-20251001");
        assertThat(req.get("max_tokens").asInt()).isEqualTo(64);
        assertThat(req.get("messages").get(0).get("role").asString()).isEqualTo("user");
    }

    @org.junit.jupiter.api.Test
    void cacheWritesAreCountedAsInput() {
        standIn.usage = new ProviderStandIn.Reported(1000, 600, 300, 20);
        assertThat(provider.chat(call(TIMEOUT)).usage()).isEqualTo(new Usage(1000, 600, 300, 20, false));
    }
}
