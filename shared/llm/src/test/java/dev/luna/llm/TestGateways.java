package dev.luna.llm;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Gateways wired to stand-in servers, for tests. */
final class TestGateways {
    static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    static final LlmGateway.Settings FAST = new LlmGateway.Settings(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ZERO, 256,
            Duration.ofMinutes(15));

    private TestGateways() {
    }

    /** Providers named in {@code standIns} point at them (with a key); the others have no key; local is always there. */
    static LlmGateway gateway(Map<String, ProviderStandIn> standIns, Clock clock, Resilience.Settings resilience,
                              LlmGateway.Settings settings, Accounting accounting) {
        var providers = new LinkedHashMap<String, ChatProvider>();
        for (String name : Gateways.PROVIDER_KEYS) {
            var s = standIns.get(name);
            providers.put(name, Gateways.provider(new ProviderConfig(name, s == null ? null : "sk-" + name, s == null ? null : s.baseUrl()),
                    HTTP, clock));
        }
        var tokenizer = new Tokenizer();
        providers.put("local", new LocalProvider(tokenizer));
        return new LlmGateway(ModelCatalog.load(null), providers, false, new Resilience(clock, resilience), tokenizer, accounting,
                TokenRateLimiter.UNLIMITED, clock, settings);
    }

    static LlmGateway gateway(Map<String, ProviderStandIn> standIns, Clock clock) {
        return gateway(standIns, clock, Resilience.Settings.DEFAULT, FAST, null);
    }
}
