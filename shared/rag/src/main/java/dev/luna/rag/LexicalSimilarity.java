package dev.luna.rag;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How alike two code contexts are, for {@link TokenOptimizer}'s near-duplicates step: the multiset Jaccard
 * similarity of their lexical tokens, and the name a snippet declares (overloads of one name are alike at a lower
 * threshold).
 */
final class LexicalSimilarity {
    private LexicalSimilarity() {
    }

    /**
     * Lexical similarity (multiset Jaccard of tokens) at which a less relevant code context counts as a near-duplicate
     * of a more relevant one kept whole: 0.95 for any two contexts, 0.5 for overloads (same declared name, same file).
     * Chosen, with {@link TokenOptimizer#SIZE_WEIGHT}, on queries 201-500 of scripts/bench/rag's evaluation order: disjoint from the 200
     * it reports token savings on, and from the tuning split it picks keepRelevance on.
     */
    static final double NEAR_DUPLICATE = 0.95;
    static final double OVERLOAD = 0.5;
    private static final Pattern CALLABLE_NAME = Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*)\\s*(?:<[^<>()]*>\\s*)?\\(");

    /** The name of the first declaration with parameters in a code snippet (the identifier before its first parenthesis, outside literals), or null. */
    static String declaredName(String code, String language) {
        byte[] classes = CodeLexer.classify(code, language);
        var sb = new StringBuilder();
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (classes[i] != CodeLexer.CODE) continue;
            if (c == '{' || c == ';' || c == '=' || (c == ':' && language.equals("python"))) break;
            sb.append(c);
        }
        var m = CALLABLE_NAME.matcher(sb);
        String name = null;
        while (m.find()) {
            name = m.group(1);
            if (!name.equals("if") && !name.equals("for") && !name.equals("while") && !name.equals("switch") && !name.equals("catch")) break;
            name = null;
        }
        return name;
    }

    private static final Pattern WORD = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*|\\d+|\\S");

    /** Multiset Jaccard similarity of the lexical tokens of two snippets (1 = the same tokens). */
    static double similarity(String a, String b) {
        return similarity(lexicalTokens(a), lexicalTokens(b));
    }

    static double similarity(Map<String, Integer> ca, Map<String, Integer> cb) {
        int inter = 0, union = 0;
        var keys = new HashSet<>(ca.keySet());
        keys.addAll(cb.keySet());
        for (String k : keys) {
            int x = ca.getOrDefault(k, 0), y = cb.getOrDefault(k, 0);
            inter += Math.min(x, y);
            union += Math.max(x, y);
        }
        return union == 0 ? 0 : (double) inter / union;
    }

    static Map<String, Integer> lexicalTokens(String s) {
        var m = new HashMap<String, Integer>();
        var matcher = WORD.matcher(s);
        while (matcher.find()) m.merge(matcher.group(), 1, Integer::sum);
        return m;
    }
}
