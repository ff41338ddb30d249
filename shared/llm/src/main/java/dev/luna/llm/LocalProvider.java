package dev.luna.llm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The offline provider: no network, no model, no key. It answers deterministically — the same request always
 * gets the same text — and says plainly that it is offline, so nothing built on the gateway stops working
 * without a provider key, and no one mistakes its answer for a model's. It reports no usage, so the gateway
 * counts its tokens with the tokenizer, like any provider that omits usage.
 */
final class LocalProvider implements ChatProvider {
    static final String NAME = "local";
    static final String LABEL = "[offline: luna-local-1 — no model provider answered this; Luna's local provider replied deterministically]";
    private static final Set<String> STOP_WORDS = Set.of("the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "is",
            "are", "was", "be", "it", "this", "that", "as", "at", "by", "from", "i", "you", "we", "me", "my", "your", "please",
            "can", "could", "would", "should", "what", "how", "why", "do", "does", "not", "no", "yes", "so", "if", "then", "but");

    private final Tokenizer tokenizer;

    LocalProvider(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public ProviderReply chat(ProviderCall call) {
        String full = answer(call);
        String text = tokenizer.truncate(full, call.maxTokens());
        return new ProviderReply(text, text.length() < full.length() ? "length" : "stop", null);
    }

    @Override
    public ProviderReply stream(ProviderCall call, DeltaSink sink) {
        var reply = chat(call);
        // word-sized pieces, as a model would stream them
        String text = reply.text();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ' ') {
                sink.onDelta(text.substring(start, i));
                start = i;
            }
        }
        return reply;
    }

    @Override
    public boolean continuesAssistantPrefix() {
        return true;
    }

    /** The deterministic answer. A trailing assistant message is a prefix to continue (a failover resumed here). */
    String answer(ProviderCall call) {
        var messages = call.messages();
        String prefix = null;
        if (!messages.isEmpty() && messages.get(messages.size() - 1).role() == ChatMessage.Role.ASSISTANT) {
            prefix = messages.get(messages.size() - 1).content();
            messages = messages.subList(0, messages.size() - 1);
        }
        String full = compose(messages, call.jsonMode());
        if (prefix == null) return full;
        return full.startsWith(prefix) ? full.substring(prefix.length()) : "\n" + full;
    }

    private String compose(List<ChatMessage> messages, boolean json) {
        String question = "";
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == ChatMessage.Role.USER) {
                question = messages.get(i).content();
                break;
            }
        }
        String oneLine = question.replaceAll("\\s+", " ").trim();
        if (oneLine.length() > 200) oneLine = oneLine.substring(0, 200) + "…";
        int inputTokens = tokenizer.countMessages(messages);
        List<String> terms = keyTerms(messages);
        if (json) {
            var quoted = new ArrayList<String>();
            for (String t : terms) quoted.add("\"" + t + "\"");
            return "{\"offline\":true,\"model\":\"luna-local-1\",\"question\":" + dev.luna.core.Json.write(oneLine)
                    + ",\"messages\":" + messages.size() + ",\"inputTokens\":" + inputTokens + ",\"keyTerms\":" + quoted
                    + ",\"note\":\"No model provider is configured or reachable; configure a provider key for model-written answers.\"}";
        }
        return LABEL + "\n"
                + "You asked: \"" + oneLine + "\"\n"
                + "Conversation: " + messages.size() + " message" + (messages.size() == 1 ? "" : "s") + ", about " + inputTokens + " input tokens."
                + (terms.isEmpty() ? "" : " Key terms: " + String.join(", ", terms) + ".") + "\n"
                + "Configure a provider key (LUNA_OPENAI_API_KEY, LUNA_ANTHROPIC_API_KEY, LUNA_DEEPSEEK_API_KEY or LUNA_GEMINI_API_KEY) for model-written answers.";
    }

    /** The five most frequent content words (ties alphabetical), a deterministic gist of the conversation. */
    static List<String> keyTerms(List<ChatMessage> messages) {
        var counts = new LinkedHashMap<String, Integer>();
        for (var m : messages) {
            if (m.role() == ChatMessage.Role.ASSISTANT) continue;
            for (String w : m.content().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_-]+")) {
                if (w.length() < 3 || STOP_WORDS.contains(w) || w.chars().allMatch(Character::isDigit)) continue;
                counts.merge(w, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed().thenComparing(Map.Entry::getKey))
                .limit(5).map(Map.Entry::getKey).toList();
    }
}
