package dev.luna.llm;

import dev.luna.store.AwsClients;
import dev.luna.store.LunaConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds the gateway of a container from its configuration (environment variables in Lambda, settings locally).
 * <p>
 * Per provider {@code P} in OPENAI, ANTHROPIC, DEEPSEEK, GEMINI: {@code LUNA_P_API_KEY} (the key itself — local use),
 * or {@code LUNA_P_API_KEY_SECRET_ARN} (a Secrets Manager secret holding it — how Terraform configures Lambda;
 * read once at start-up), and optionally {@code LUNA_P_BASE_URL}. A provider without a key is never called; with no
 * key at all, every call is answered by the offline {@code local} provider.
 * Other settings: {@code LUNA_LLM_MODELS} (catalog override), {@code LUNA_LLM_LOCAL_FALLBACK} (true: the local
 * provider is also the last fallback of real providers), {@code LUNA_LLM_ATTEMPT_TIMEOUT_MS},
 * {@code LUNA_LLM_DEADLINE_MS}, {@code LUNA_LLM_MAX_RETRY_AFTER_WAIT_MS}.
 */
public final class Gateways {
    public static final String[] PROVIDER_KEYS = {"openai", "anthropic", "deepseek", "gemini"};

    private Gateways() {
    }

    /** The gateway with accounting and budgets in DynamoDB and no token rate limit. */
    public static LlmGateway create(LunaConfig config, AwsClients aws, Clock clock) {
        return create(config, aws, clock, TokenRateLimiter.UNLIMITED);
    }

    public static LlmGateway create(LunaConfig config, AwsClients aws, Clock clock, TokenRateLimiter rateLimiter) {
        var catalog = ModelCatalog.load(config.setting(ModelCatalog.OVERRIDE_SETTING, null));
        var http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        var tokenizer = new Tokenizer();
        var providers = new LinkedHashMap<String, ChatProvider>();
        for (String name : PROVIDER_KEYS) {
            var pc = new ProviderConfig(name, apiKey(config, name, aws), config.setting(env(name, "BASE_URL"), null));
            providers.put(name, provider(pc, http, clock));
        }
        providers.put(LocalProvider.NAME, new LocalProvider(tokenizer));
        var settings = new LlmGateway.Settings(
                Duration.ofMillis(config.longSetting("LUNA_LLM_ATTEMPT_TIMEOUT_MS", LlmGateway.Settings.DEFAULT.attemptTimeout().toMillis())),
                Duration.ofMillis(config.longSetting("LUNA_LLM_DEADLINE_MS", LlmGateway.Settings.DEFAULT.deadline().toMillis())),
                Duration.ofMillis(config.longSetting("LUNA_LLM_MAX_RETRY_AFTER_WAIT_MS", LlmGateway.Settings.DEFAULT.maxRetryAfterWait().toMillis())),
                LlmGateway.Settings.DEFAULT.defaultMaxTokens(), LlmGateway.Settings.DEFAULT.reservationHold());
        boolean localFallback = Boolean.parseBoolean(config.setting("LUNA_LLM_LOCAL_FALLBACK", "false"));
        return new LlmGateway(catalog, providers, localFallback, new Resilience(clock, Resilience.Settings.DEFAULT), tokenizer,
                aws == null ? null : new Accounting(aws, clock), rateLimiter, clock, settings);
    }

    static ChatProvider provider(ProviderConfig pc, java.net.http.HttpClient http, Clock clock) {
        return switch (pc.provider()) {
            case "openai", "deepseek" -> new OpenAiCompatibleProvider(pc, http, clock);
            case "anthropic" -> new AnthropicProvider(pc, http, clock);
            case "gemini" -> new GeminiProvider(pc, http, clock);
            default -> throw new IllegalArgumentException("unknown provider " + pc.provider());
        };
    }

    static String env(String provider, String suffix) {
        return "LUNA_" + provider.toUpperCase(Locale.ROOT) + "_" + suffix;
    }

    private static String apiKey(LunaConfig config, String provider, AwsClients aws) {
        String key = config.setting(env(provider, "API_KEY"), null);
        if (key != null) return key.trim();
        String arn = config.setting(env(provider, "API_KEY_SECRET_ARN"), null);
        if (arn == null) return null;
        try (var sm = SecretsManagerClient.builder().region(software.amazon.awssdk.regions.Region.of(config.region())).build()) {
            String value = sm.getSecretValue(b -> b.secretId(arn)).secretString();
            return value == null || value.isBlank() ? null : value.trim();
        } catch (RuntimeException e) {
            // a missing or unreadable secret leaves the provider unconfigured: it is skipped, and the log says why
            LoggerFactory.getLogger(Gateways.class).error("could not read the {} API key from {}: {}", provider, arn, e.toString());
            return null;
        }
    }

    /** Which providers the configuration enables, for health and docs (never the keys). */
    public static Map<String, Boolean> configured(LlmGateway gateway) {
        var out = new LinkedHashMap<String, Boolean>();
        for (String p : PROVIDER_KEYS) out.put(p, gateway.configuredProviders().contains(p));
        out.put(LocalProvider.NAME, true);
        return out;
    }
}
