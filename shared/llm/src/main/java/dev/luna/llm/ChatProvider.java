package dev.luna.llm;

import java.time.Duration;
import java.util.List;

/**
 * One model provider behind the gateway. Every adapter passes the same contract test against a stand-in server
 * speaking its provider's wire format. Adapters throw only {@link ProviderException}.
 */
interface ChatProvider {
    String name();

    /** Whether it can be called (a key is configured, or it needs none). */
    boolean configured();

    /** A complete answer. */
    ProviderReply chat(ProviderCall call);

    /** A streamed answer: {@code sink} gets each piece of text as it arrives; the complete reply is returned. */
    ProviderReply stream(ProviderCall call, DeltaSink sink);

    /** How a fallback continues an answer another provider started (see {@link LlmGateway}). */
    default boolean continuesAssistantPrefix() {
        return false;
    }

    /** Receives streamed text. */
    @FunctionalInterface
    interface DeltaSink {
        void onDelta(String text);
    }

    /** What the gateway asks one provider. */
    record ProviderCall(ModelSpec model, List<ChatMessage> messages, int maxTokens, Double temperature, Double topP,
                        List<String> stop, boolean jsonMode, Duration timeout) {
        public ProviderCall {
            messages = List.copyOf(messages);
            stop = stop == null ? List.of() : List.copyOf(stop);
        }
    }

    /**
     * What one provider answered. {@code usage} is null when the provider reported none (the gateway then counts
     * with a tokenizer). {@code finishReason} uses OpenAI's words: stop, length, content_filter, tool_calls.
     */
    record ProviderReply(String text, String finishReason, Usage usage) {
    }
}
