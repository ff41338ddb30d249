package dev.luna.llm;

import static org.assertj.core.api.Assertions.assertThat;

class DeepSeekContractTest extends ProviderContractTest {
    @Override
    ProviderStandIn.Dialect dialect() {
        return ProviderStandIn.Dialect.DEEPSEEK;
    }

    @Override
    String providerName() {
        return "deepseek";
    }

    @Override
    ModelSpec model() {
        return ModelCatalog.load(null).find("deepseek-chat").orElseThrow();
    }

    @Override
    Usage expectedUsage() {
        return new Usage(42, 10, 0, 9, false);
    }

    @Override
    void assertAuthenticated(ProviderStandIn s) {
        assertThat(s.header(0, "Authorization")).isEqualTo("Bearer sk-test-deepseek");
        assertThat(s.requests.get(0).get("model").asString()).isEqualTo("deepseek-chat");
    }
}
