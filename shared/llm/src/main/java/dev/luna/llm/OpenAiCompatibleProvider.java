package dev.luna.llm;

import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.luna.core.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI chat completions, and every OpenAI-compatible endpoint (DeepSeek): langchain4j's OpenAI adapter with the
 * provider's base URL. Usage comes from {@code usage} (streams ask for it with {@code stream_options.include_usage});
 * cached input is {@code prompt_tokens_details.cached_tokens} (OpenAI) or {@code prompt_cache_hit_tokens} (DeepSeek,
 * read from the raw answer because langchain4j does not map it).
 */
final class OpenAiCompatibleProvider extends Lc4jProvider {
    static final String OPENAI_URL = "https://api.openai.com/v1";
    static final String DEEPSEEK_URL = "https://api.deepseek.com/v1";

    OpenAiCompatibleProvider(ProviderConfig config, java.net.http.HttpClient http, Clock clock) {
        super(config, http, clock);
    }

    private String baseUrl() {
        if (config.baseUrl() != null) return config.baseUrl();
        return "deepseek".equals(config.provider()) ? DEEPSEEK_URL : OPENAI_URL;
    }

    @Override
    ChatModel syncModel(ProviderHttpClient client, ModelSpec model, Duration timeout) {
        return OpenAiChatModel.builder().httpClientBuilder(client.asBuilder()).baseUrl(baseUrl()).apiKey(config.apiKey())
                .modelName(model.apiModel()).maxRetries(0).timeout(timeout).build();
    }

    @Override
    StreamingChatModel streamingModel(ProviderHttpClient client, ModelSpec model, Duration timeout) {
        return OpenAiStreamingChatModel.builder().httpClientBuilder(client.asBuilder()).baseUrl(baseUrl()).apiKey(config.apiKey())
                .modelName(model.apiModel()).timeout(timeout).build();
    }

    @Override
    Predicate<ServerSentEvent> finalEvent() {
        return e -> "[DONE]".equals(e.data());
    }

    @Override
    Usage usage(ChatResponse response, ProviderHttpClient client) {
        var tu = response.tokenUsage();
        if (tu == null || tu.inputTokenCount() == null) return null;
        int cached = 0;
        if ("deepseek".equals(config.provider())) {
            cached = deepSeekCacheHits(client);
        } else if (tu instanceof OpenAiTokenUsage o && o.inputTokensDetails() != null) {
            cached = orZero(o.inputTokensDetails().cachedTokens());
        }
        return new Usage(tu.inputTokenCount(), Math.min(cached, tu.inputTokenCount()), 0, orZero(tu.outputTokenCount()), false);
    }

    /** DeepSeek's {@code usage.prompt_cache_hit_tokens}, from the body or the last stream event that carries usage. */
    private static int deepSeekCacheHits(ProviderHttpClient client) {
        JsonNode usage = null;
        if (client.body != null) {
            usage = parse(client.body).path("usage");
        } else {
            for (int i = client.events.size() - 1; i >= 0 && usage == null; i--) {
                String data = client.events.get(i).data();
                if (data != null && data.contains("\"usage\"")) {
                    JsonNode u = parse(data).path("usage");
                    if (u.isObject()) usage = u;
                }
            }
        }
        return usage == null ? 0 : usage.path("prompt_cache_hit_tokens").asInt(0);
    }

    private static JsonNode parse(String json) {
        try {
            return Json.tree(json);
        } catch (RuntimeException e) {
            return Json.object();
        }
    }
}
