package dev.luna.rag;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;

/** Token counts with a real BPE tokenizer (cl100k_base, as used by GPT-4-class models), thread-safe. */
public final class Tokens {
    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    private Tokens() {
    }

    public static String encodingName() {
        return ENCODING.getName();
    }

    public static int count(String text) {
        return text == null || text.isEmpty() ? 0 : ENCODING.countTokensOrdinary(text);
    }

    /** The longest prefix of {@code text} with at most {@code maxTokens} tokens. */
    public static String truncate(String text, int maxTokens) {
        IntArrayList tokens = ENCODING.encodeOrdinary(text);
        if (tokens.size() <= maxTokens) return text;
        var head = new IntArrayList(maxTokens);
        for (int i = 0; i < maxTokens; i++) head.add(tokens.get(i));
        return ENCODING.decode(head);
    }
}
