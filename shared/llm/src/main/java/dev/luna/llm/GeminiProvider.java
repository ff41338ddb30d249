package dev.luna.llm;

import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiTokenUsage;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Gemini (Google AI) {@code generateContent} / {@code streamGenerateContent?alt=sse} through langchain4j.
 * {@code promptTokenCount} includes {@code cachedContentTokenCount}; thinking tokens ({@code thoughtsTokenCount})
 * are billed as output, so they are added to the output count. A stream is complete when a chunk carries a
 * {@code finishReason}.
 */
final class GeminiProvider extends Lc4jProvider {
    static final String URL = "https://generativelanguage.googleapis.com/v1beta";

    GeminiProvider(ProviderConfig config, java.net.http.HttpClient http, Clock clock) {
        super(config, http, clock);
    }

    private String baseUrl() {
        return config.baseUrl() != null ? config.baseUrl() : URL;
    }

    @Override
    ChatModel syncModel(ProviderHttpClient client, ModelSpec model, Duration timeout) {
        return GoogleAiGeminiChatModel.builder().httpClientBuilder(client.asBuilder()).baseUrl(baseUrl()).apiKey(config.apiKey())
                .modelName(model.apiModel()).maxRetries(0).timeout(timeout).build();
    }

    @Override
    StreamingChatModel streamingModel(ProviderHttpClient client, ModelSpec model, Duration timeout) {
        return GoogleAiGeminiStreamingChatModel.builder().httpClientBuilder(client.asBuilder()).baseUrl(baseUrl()).apiKey(config.apiKey())
                .modelName(model.apiModel()).timeout(timeout).build();
    }

    @Override
    Predicate<ServerSentEvent> finalEvent() {
        return e -> e.data() != null && e.data().contains("\"finishReason\"");
    }

    @Override
    Usage usage(ChatResponse response, ProviderHttpClient client) {
        var tu = response.tokenUsage();
        if (tu == null || tu.inputTokenCount() == null) return null;
        int cached = 0;
        int thoughts = 0;
        if (tu instanceof GoogleAiGeminiTokenUsage g) {
            cached = orZero(g.cachedContentTokenCount());
            thoughts = orZero(g.thoughtsTokenCount());
        }
        return new Usage(tu.inputTokenCount(), Math.min(cached, tu.inputTokenCount()), 0, orZero(tu.outputTokenCount()) + thoughts, false);
    }
}
