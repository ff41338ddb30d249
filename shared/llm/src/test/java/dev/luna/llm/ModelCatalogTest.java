package dev.luna.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCatalogTest {
    @Test
    void theBuiltInCatalogCoversEveryProviderWithPricesAndWindows() {
        var c = ModelCatalog.load(null);
        assertThat(c.providers()).containsExactlyInAnyOrder("openai", "anthropic", "deepseek", "gemini", "local");
        var mini = c.find("gpt-4o-mini").orElseThrow();
        assertThat(mini.prices().input()).isEqualByComparingTo("0.15");
        assertThat(mini.prices().cachedInput()).isEqualByComparingTo("0.075");
        assertThat(mini.contextWindow()).isEqualTo(128_000);
        assertThat(c.find("claude-sonnet-4-5").orElseThrow().prices().cacheWrite()).isEqualByComparingTo("3.75");
        assertThat(c.version()).isEqualTo("2025-11-27");
        for (var m : c.models()) {
            assertThat(m.has(Capability.STREAMING)).as(m.id()).isTrue();
            assertThat(m.maxOutputTokens()).as(m.id()).isLessThanOrEqualTo(m.contextWindow());
        }
    }

    @Test
    void configurationOverridesReplaceAddAndRemoveModels(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("models.json");
        Files.writeString(file, """
                {"version": "acme-1", "models": {
                  "gpt-4o-mini": {"provider": "openai", "contextWindow": 128000, "maxOutputTokens": 16384, "capabilities": ["json", "streaming"],
                                  "tier": "medium", "prices": {"input": 0.12, "output": 0.5, "cachedInput": 0.06}},
                  "acme-coder": {"provider": "deepseek", "apiModel": "acme-coder-v2", "contextWindow": 64000, "maxOutputTokens": 8000,
                                 "capabilities": ["streaming"], "tier": "complex", "prices": {"input": 0.2, "output": 0.8}},
                  "gpt-4o": {"disabled": true}
                }}""");
        var c = ModelCatalog.load(file.toString());
        assertThat(c.find("gpt-4o-mini").orElseThrow().prices().input()).isEqualByComparingTo(new BigDecimal("0.12"));
        assertThat(c.find("acme-coder").orElseThrow().apiModel()).isEqualTo("acme-coder-v2");
        assertThat(c.find("acme-coder").orElseThrow().prices().effectiveCachedInput()).isEqualByComparingTo("0.2");
        assertThat(c.find("gpt-4o")).isEmpty();
        assertThat(c.version()).isEqualTo("2025-11-27+acme-1");
        assertThat(ModelCatalog.load("{\"models\":{\"gpt-4o\":{\"disabled\":true}}}").find("gpt-4o")).isEmpty();
    }

    @Test
    void invalidOverridesFailNamingTheEntry() {
        assertThatThrownBy(() -> ModelCatalog.load("{\"models\":{\"x\":{\"provider\":\"acme\",\"contextWindow\":1,\"maxOutputTokens\":1,\"tier\":\"simple\",\"prices\":{\"input\":1,\"output\":1}}}}"))
                .hasMessageContaining("model 'x'").hasMessageContaining("unknown provider 'acme'");
        assertThatThrownBy(() -> ModelCatalog.load("{\"models\":{\"x\":{\"provider\":\"openai\",\"contextWindow\":10,\"maxOutputTokens\":1,\"tier\":\"simple\",\"prices\":{\"input\":-1,\"output\":1}}}}"))
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> ModelCatalog.load("/no/such/file.json")).hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> ModelCatalog.load("{not json")).hasMessageContaining("not valid JSON");
    }
}
