package dev.luna.llm;

/**
 * Tokens of one provider call. {@code inputTokens} counts every input token, including those read from
 * ({@code cachedInputTokens}) or written to ({@code cacheWriteTokens}) the provider's prompt cache.
 * {@code estimated} is true when the provider reported no usage and a tokenizer counted instead.
 */
public record Usage(int inputTokens, int cachedInputTokens, int cacheWriteTokens, int outputTokens, boolean estimated) {
    public static final Usage NONE = new Usage(0, 0, 0, 0, false);

    public Usage {
        if (inputTokens < 0 || cachedInputTokens < 0 || cacheWriteTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
        if (cachedInputTokens + cacheWriteTokens > inputTokens) {
            inputTokens = cachedInputTokens + cacheWriteTokens;
        }
    }

    public int totalTokens() {
        return inputTokens + outputTokens;
    }

    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, cachedInputTokens + other.cachedInputTokens,
                cacheWriteTokens + other.cacheWriteTokens, outputTokens + other.outputTokens, estimated || other.estimated);
    }
}
