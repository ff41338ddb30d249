package dev.luna.rag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text an embedding model sees for a chunk: the code's meaning in words first — the file path and the symbol
 * with their identifiers split ({@code parseHttpHeader} → {@code parse http header}) — then the code. A sentence
 * model reads natural language far better than identifiers, and its input is cut at 256 (MiniLM) or 512 (bge)
 * tokens, so the words go first. Retrieval and BM25 still use the chunk's own content; only the vector changes.
 */
public final class EmbeddingText {
    private static final Pattern PARTS = Pattern.compile("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+");

    private EmbeddingText() {
    }

    public static String of(Chunk chunk) {
        var sb = new StringBuilder();
        String path = chunk.path() == null ? "" : chunk.path();
        sb.append(words(stripExtension(path))).append('\n');
        if (chunk.symbol() != null && !chunk.symbol().isBlank()) sb.append(words(chunk.symbol())).append('\n');
        return sb.append(chunk.content()).toString();
    }

    /** The words of identifiers: split at case changes, digits, and punctuation; lower case. */
    static String words(String identifiers) {
        var out = new ArrayList<String>();
        var m = PARTS.matcher(identifiers);
        while (m.find()) out.add(m.group().toLowerCase(Locale.ROOT));
        return String.join(" ", dropRepeats(out));
    }

    private static List<String> dropRepeats(List<String> words) {
        var out = new ArrayList<String>();
        for (String w : words) if (out.isEmpty() || !out.get(out.size() - 1).equals(w)) out.add(w);
        return out;
    }

    private static String stripExtension(String path) {
        int slash = path.lastIndexOf('/'), dot = path.lastIndexOf('.');
        return dot > slash ? path.substring(0, dot) : path;
    }
}
