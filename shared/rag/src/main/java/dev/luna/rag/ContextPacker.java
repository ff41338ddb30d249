package dev.luna.rag;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Fits ranked chunks into a token budget: drops chunks whose content duplicates a better-ranked one, merges chunks of
 * the same file whose line ranges overlap or touch into one context (keeping the better relevance), then takes
 * contexts in rank order while they fit.
 */
public final class ContextPacker {
    public record Context(String id, String path, String language, String symbol, int startLine, int endLine, String content,
                          double relevanceScore, int tokenCount) {
    }

    public record Packed(List<Context> contexts, int totalTokens, int droppedDuplicates, int merged, int omittedForBudget) {
    }

    private ContextPacker() {
    }

    /** The smallest token count any of the ranked chunks has (what a budget must at least allow), or 0. */
    public static int smallestChunk(List<Retriever.Ranked> ranked) {
        return ranked.stream().mapToInt(r -> r.chunk().tokenCount()).min().orElse(0);
    }

    public static Packed pack(List<Retriever.Ranked> ranked, Integer tokenBudget) {
        var seen = new HashSet<String>();
        var contexts = new ArrayList<Context>();
        int duplicates = 0;
        int merged = 0;
        for (var r : ranked) {
            Chunk c = r.chunk();
            if (!seen.add(c.contentHash())) {
                duplicates++;
                continue;
            }
            int into = -1;
            for (int i = 0; i < contexts.size(); i++) {
                var x = contexts.get(i);
                if (x.path().equals(c.path()) && c.startLine() <= x.endLine() + 1 && x.startLine() <= c.endLine() + 1) {
                    into = i;
                    break;
                }
            }
            if (into < 0) {
                contexts.add(new Context(c.id(), c.path(), c.language(), c.symbol(), c.startLine(), c.endLine(), c.content(),
                        round(r.relevance()), c.tokenCount()));
            } else {
                contexts.set(into, merge(contexts.get(into), c));
                merged++;
            }
        }
        var out = new ArrayList<Context>();
        int total = 0;
        int omitted = 0;
        for (var c : contexts) {
            if (tokenBudget != null && total + c.tokenCount() > tokenBudget) {
                omitted++;
                continue;
            }
            out.add(c);
            total += c.tokenCount();
        }
        return new Packed(out, total, duplicates, merged, omitted);
    }

    /** Joins two line ranges of one file: the union of their lines, in order, without repeating shared lines. */
    private static Context merge(Context a, Chunk b) {
        String[] al = a.content().split("\n", -1);
        String[] bl = b.content().split("\n", -1);
        int start = Math.min(a.startLine(), b.startLine());
        int end = Math.max(a.endLine(), b.endLine());
        String[] lines = new String[end - start + 1];
        for (int i = 0; i < bl.length && b.startLine() + i <= end; i++) lines[b.startLine() + i - start] = bl[i];
        for (int i = 0; i < al.length && a.startLine() + i <= end; i++) lines[a.startLine() + i - start] = al[i];
        var sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) sb.append('\n');
            if (lines[i] != null) sb.append(lines[i]);
        }
        String content = sb.toString();
        String symbol = a.symbol() != null && a.symbol().equals(b.symbol()) ? a.symbol() : a.symbol();
        return new Context(a.id(), a.path(), a.language(), symbol, start, end, content, a.relevanceScore(), Tokens.count(content));
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
