package dev.luna.llm;

import java.util.List;

/**
 * One model call through the gateway.
 *
 * @param messages    the conversation (at least one message)
 * @param maxTokens   the most output tokens, or null for the gateway default (1024, capped by the model)
 * @param temperature sampling temperature (0..2) or null
 * @param topP        nucleus sampling (0..1] or null
 * @param stop        stop sequences (at most 4) or empty
 * @param jsonMode    ask for a JSON object as the answer (needs the {@code json} capability)
 * @param selection   routing wishes
 * @param context     who the call is for (budgets, usage records)
 */
public record ChatCall(List<ChatMessage> messages, Integer maxTokens, Double temperature, Double topP, List<String> stop,
                       boolean jsonMode, ProviderSelection selection, UsageContext context) {
    public ChatCall {
        messages = messages == null ? List.of() : List.copyOf(messages);
        stop = stop == null ? List.of() : List.copyOf(stop);
        selection = selection == null ? ProviderSelection.auto() : selection;
    }

    public static ChatCall of(UsageContext context, ChatMessage... messages) {
        return new ChatCall(List.of(messages), null, null, null, null, false, null, context);
    }

    public ChatCall withSelection(ProviderSelection s) {
        return new ChatCall(messages, maxTokens, temperature, topP, stop, jsonMode, s, context);
    }

    public ChatCall withMaxTokens(Integer n) {
        return new ChatCall(messages, n, temperature, topP, stop, jsonMode, selection, context);
    }
}
