package dev.luna.rag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * What keyword (BM25) ranking sees of a chunk and of a query, shared by {@link LuceneStore} (one field per part, boosted
 * at query time) and {@link PineconeStore} (one sparse vector, parts weighted into the term frequencies) so both rank
 * alike.
 *
 * <p>A chunk's parts: its content; its symbol ({@code Type.member}); its <b>name</b> (the symbol's last segment, the
 * member's own name); its <b>signature</b> (the declaration lines of a code unit, comments and annotations aside, up
 * to its body); its path. A query's terms are its analysed words plus <b>joined identifiers</b>: each pair of adjacent
 * words written as one identifier ({@code is empty} → {@code isempty}, which {@link IdentifierAnalyzer}
 * also indexes for {@code isEmpty}), so prose meets the whole name, not only its parts.
 */
public final class KeywordFields {
    /**
     * Weights of the parts (content weighs 1) and of joined query identifiers; the defaults were chosen on the tuning
     * corpus of {@code scripts/bench/rag-quality} (commons-lang3), see docs/rag-tuning.md.
     */
    public record Weights(double symbol, double name, double signature, double path, double joined) {
        public static final Weights DEFAULT = new Weights(2, 1, 1, 0.5, 1);
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern COMMENT_OR_ANNOTATION = Pattern.compile("^\\s*(//|/\\*|\\*|@|#|\"\"\"|$).*");
    private static final java.util.Set<String> CODE_KINDS = java.util.Set.of("method", "constructor", "function", "class",
            "interface", "enum", "record", "type");
    private static final int MAX_SIGNATURE_LINES = 6;
    /** Words joined into one query identifier at most: pairs keep the keyword query small. */
    private static final int MAX_JOINED_WORDS = 2;

    private KeywordFields() {
    }

    /** The member's own name: the symbol's last segment ({@code Type.member} → {@code member}), or null. */
    public static String name(Chunk c) {
        String s = c.symbol();
        if (s == null || s.isBlank()) return null;
        int gt = s.lastIndexOf(" > ");
        if (gt >= 0) return s.substring(gt + 3);
        int dot = s.lastIndexOf('.');
        return dot >= 0 ? s.substring(dot + 1) : s;
    }

    /**
     * The declaration of a code unit: its first lines that are neither comments nor annotations, up to and including
     * the line that opens its body ({@code {}, {@code :} or {@code =>}) or ends it ({@code ;}), at most six; null for
     * text, Markdown and configuration chunks.
     */
    public static String signature(Chunk c) {
        if (c.kind() == null || !CODE_KINDS.contains(c.kind())) return null;
        var out = new StringBuilder();
        int taken = 0;
        boolean inBlock = false;
        for (String line : c.content().split("\n", -1)) {
            String t = line.strip();
            if (inBlock) {
                if (t.contains("*/")) inBlock = false;
                continue;
            }
            if (taken == 0 && COMMENT_OR_ANNOTATION.matcher(t).matches()) {
                if (t.startsWith("/*") && !t.contains("*/")) inBlock = true;
                continue;
            }
            out.append(t).append('\n');
            taken++;
            if (t.contains("{") || t.endsWith(";") || t.endsWith(":") || t.contains("=>") || taken >= MAX_SIGNATURE_LINES) break;
        }
        return taken == 0 ? null : out.toString();
    }

    /** The analysed terms of a text, in order, with repeats. */
    static List<String> terms(Analyzer analyzer, String text) {
        var out = new ArrayList<String>();
        try (var ts = analyzer.tokenStream(LuceneDocuments.CONTENT, text)) {
            var term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * A query's terms with their weights: each analysed term 1; each identifier joined from two adjacent words {@code joinedWeight} (0 leaves them out), unless it is already a term. At most 256 terms.
     */
    static Map<String, Double> queryTerms(Analyzer analyzer, String query, double joinedWeight) {
        var out = new LinkedHashMap<String, Double>();
        for (String t : terms(analyzer, query)) {
            if (out.size() >= 256) break;
            out.putIfAbsent(t, 1.0);
        }
        if (joinedWeight <= 0) return out;
        var words = new ArrayList<String>();
        var m = WORD.matcher(query);
        while (m.find()) words.add(m.group().toLowerCase(java.util.Locale.ROOT));
        for (int n = 2; n <= MAX_JOINED_WORDS; n++) {
            for (int i = 0; i + n <= words.size() && out.size() < 256; i++) {
                String joined = String.join("", words.subList(i, i + n));
                var analysed = terms(analyzer, joined);
                if (analysed.size() == 1) out.putIfAbsent(analysed.get(0), joinedWeight);
            }
        }
        return out;
    }
}
