package dev.luna.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;

/**
 * Counts tokens with a real BPE tokenizer (JTokkit): {@code o200k_base} (OpenAI's GPT-4o/4.1 family) for
 * everything. For Anthropic, Gemini, DeepSeek and the local model it is an estimate — their tokenizers are not
 * public — used only where a provider reports no usage, and for reservations (with a safety margin).
 */
public final class Tokenizer {
    /** Tokens OpenAI adds per message (role and separators) and to prime the reply, per its published formula. */
    static final int PER_MESSAGE = 3;
    static final int REPLY_PRIMING = 3;

    private static final class Holder {
        static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }

    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : Holder.ENCODING.countTokensOrdinary(text);
    }

    /** Input tokens of a conversation, counted as OpenAI counts chat messages. */
    public int countMessages(List<ChatMessage> messages) {
        int n = REPLY_PRIMING;
        for (var m : messages) n += PER_MESSAGE + count(m.role().wire()) + count(m.content());
        return n;
    }

    /** The first {@code maxTokens} tokens of {@code text}. */
    public String truncate(String text, int maxTokens) {
        var tokens = Holder.ENCODING.encodeOrdinary(text);
        if (tokens.size() <= maxTokens) return text;
        var head = new com.knuddels.jtokkit.api.IntArrayList(maxTokens);
        for (int i = 0; i < maxTokens; i++) head.add(tokens.get(i));
        return Holder.ENCODING.decode(head);
    }

    /** Loads the encoding (a few hundred ms) ahead of the first call. */
    public void warmUp() {
        count("warm up");
    }
}
