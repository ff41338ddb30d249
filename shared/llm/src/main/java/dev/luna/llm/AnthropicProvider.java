package dev.luna.llm;

import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Anthropic messages through langchain4j. Anthropic's {@code input_tokens} excludes cached input, so the total
 * input is {@code input_tokens + cache_creation_input_tokens + cache_read_input_tokens}. A trailing assistant
 * message is continued natively (prefill), which is how a fallback resumes a cut stream here.
 */
final class AnthropicProvider extends Lc4jProvider {
    static final String URL = "https://api.anthropic.com/v1/";

    AnthropicProvider(ProviderConfig config, java.net.http.HttpClient http, Clock clock) {
        super(config, http, clock);
    }

    private String baseUrl() {
        return config.baseUrl() != null ? config.baseUrl() : URL;
    }

    @Override
    ChatModel syncModel(ProviderHttpClient client, ModelSpec model, Duration timeout) {
        return AnthropicChatModel.builder().httpClientBuilder(client.asBuilder()).baseUrl(baseUrl()).apiKey(config.apiKey())
                .modelName(model.apiModel()).maxRetries(0).timeout(timeout).build();
    }

    @Override
    StreamingChatModel streamingModel(ProviderHttpClient client, ModelSpec model, Duration timeout) {
        return AnthropicStreamingChatModel.builder().httpClientBuilder(client.asBuilder()).baseUrl(baseUrl()).apiKey(config.apiKey())
                .modelName(model.apiModel()).timeout(timeout).build();
    }

    @Override
    Predicate<ServerSentEvent> finalEvent() {
        return e -> "message_stop".equals(e.event());
    }

    @Override
    boolean nativeJsonMode() {
        return false;
    }

    @Override
    public boolean continuesAssistantPrefix() {
        return true;
    }

    @Override
    Usage usage(ChatResponse response, ProviderHttpClient client) {
        var tu = response.tokenUsage();
        if (tu == null || tu.inputTokenCount() == null) return null;
        int read = 0;
        int write = 0;
        if (tu instanceof AnthropicTokenUsage a) {
            read = orZero(a.cacheReadInputTokens());
            write = orZero(a.cacheCreationInputTokens());
        }
        return new Usage(tu.inputTokenCount() + read + write, read, write, orZero(tu.outputTokenCount()), false);
    }
}
