package dev.luna.bench;

import dev.luna.bench.RagCorpus.Query;
import dev.luna.rag.Retriever;
import dev.luna.rag.TokenOptimizer;
import dev.luna.rag.VectorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The token optimiser's savings at a fixed recall of the relevant chunk, over the hybrid top-10 contexts of the
 * benchmark's queries: keepRelevance chosen on the tuning split, savings and recall reported on the evaluation queries.
 */
final class RagTokenSavings {
    private RagTokenSavings() {
    }

    /** The optimiser's input for one query: the hybrid top 10 as an agent would receive them, and which one is the answer. */
    record ContextSet(List<TokenOptimizer.Item> items, int relevant) {
    }

    private static List<ContextSet> contextSets(Retriever retriever, List<Query> queries, Map<String, String> raw) {
        var sets = new ArrayList<ContextSet>();
        for (var q : queries) {
            var ranked = retriever.search("eval", q.text(), 10, Retriever.Mode.HYBRID, VectorStore.Filter.NONE);
            int r = RagBenchmark.rank(ranked, q);
            if (r == 0) continue;
            // the original code (comments included) of each chunk's lines
            var items = new ArrayList<TokenOptimizer.Item>();
            for (var x : ranked) {
                var c = x.chunk();
                String[] lines = raw.get(c.path()).split("\n", -1);
                var sb = new StringBuilder();
                for (int l = c.startLine(); l <= Math.min(c.endLine(), lines.length); l++) sb.append(lines[l - 1]).append('\n');
                items.add(new TokenOptimizer.Item(c.id(), c.path(), "java", sb.toString(), x.relevance()));
            }
            sets.add(new ContextSet(items, r - 1));
        }
        return sets;
    }

    /** The same contexts with relevance relative to the best context of each set. */
    private static List<ContextSet> relative(List<ContextSet> sets) {
        return sets.stream().map(s -> {
            double max = s.items().stream().mapToDouble(TokenOptimizer.Item::relevanceScore).max().orElse(1);
            return new ContextSet(s.items().stream().map(i -> new TokenOptimizer.Item(i.id(), i.path(), i.language(), i.content(),
                    i.relevanceScore() / max)).toList(), s.relevant());
        }).toList();
    }

    record Savings(double keep, double savings, double recall, double markerRecall) {
    }

    /**
     * Savings of the optimiser at one keepRelevance over a list of context sets. Recall: the share of sets in which the
     * relevant chunk's code survives whole — its text without comments and whitespace occurs in one output context
     * likewise normalised (so a body dropped as contained in another context counts only if that context kept it, and
     * a body mangled by a rewrite does not count). markerRecall is the older, looser measure: the relevant context is
     * absent or not rendered signature-only.
     */
    private static Savings savings(TokenOptimizer optimizer, List<ContextSet> sets, double keep) {
        long beforeTokens = 0, afterTokens = 0;
        int kept = 0, marker = 0;
        for (var set : sets) {
            var result = optimizer.optimize(new TokenOptimizer.Input(null, set.items(), null, keep));
            beforeTokens += result.tokensBefore();
            afterTokens += result.tokensAfter();
            var relevantItem = set.items().get(set.relevant());
            String code = codeOnly(relevantItem.content());
            if (result.contexts().stream().anyMatch(i -> codeOnly(i.content()).contains(code))) kept++;
            var out = result.contexts().stream().filter(i -> i.id().equals(relevantItem.id())).findFirst();
            if (out.isEmpty() || !out.get().content().contains("{ … }")) marker++;
        }
        return new Savings(keep, 1 - (double) afterTokens / beforeTokens, (double) kept / sets.size(), (double) marker / sets.size());
    }

    static void tokenSavings(Retriever retriever, List<Query> queries, List<Query> tuning, Map<String, String> raw) {
        var optimizer = new TokenOptimizer();
        var evalSets = contextSets(retriever, queries.subList(0, Math.min(200, queries.size())), raw);
        var tuneSets = contextSets(retriever, tuning, raw);
        System.out.printf("token optimisation over hybrid top-10 contexts of the queries whose relevant chunk was retrieved: %d evaluation sets, "
                + "%d tuning sets (from the disjoint tuning split; keepRelevance is chosen there)%n", evalSets.size(), tuneSets.size());
        System.out.println("  recall = the relevant chunk's code (comments and whitespace aside) is present whole in the output;");
        System.out.println("  marker = the older measure: the relevant context is not rendered signature-only");
        double[] keeps = {0.0, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9, 1.01};
        for (boolean rel : new boolean[]{false, true}) {
            var ev = rel ? relative(evalSets) : evalSets;
            var tu = rel ? relative(tuneSets) : tuneSets;
            if (rel) System.out.println("  relevance relative to the best context of each set:");
            System.out.println("  keepRelevance  evaluation: savings  recall  (marker)   tuning: savings  recall");
            Savings chosen = null;
            Savings chosenEval = null;
            for (double keep : keeps) {
                var e = savings(optimizer, ev, keep);
                var t = savings(optimizer, tu, keep);
                System.out.printf("  %-13s  %17.1f %%  %5.1f %%  (%5.1f %%)  %13.1f %%  %5.1f %%%n",
                        keep > 1 ? "1.0 (none)" : String.format("%.2f", keep), 100 * e.savings(), 100 * e.recall(), 100 * e.markerRecall(),
                        100 * t.savings(), 100 * t.recall());
                if (t.recall() >= 0.95 && (chosen == null || t.savings() > chosen.savings())) {
                    chosen = t;
                    chosenEval = e;
                }
            }
            if (chosen != null) {
                System.out.printf("  => keepRelevance %.2f (best savings at >= 95 %% recall on the tuning sets: %.1f %% at %.1f %%): "
                                + "evaluation %.1f %% savings at %.1f %% recall%n", Math.min(chosen.keep(), 1.0), 100 * chosen.savings(),
                        100 * chosen.recall(), 100 * chosenEval.savings(), 100 * chosenEval.recall());
            }
        }
    }

    /** Java code without comments and whitespace (string, character and text-block literals kept as they are). */
    static String codeOnly(String java) {
        var sb = new StringBuilder(java.length());
        int n = java.length();
        for (int i = 0; i < n; i++) {
            char c = java.charAt(i);
            char next = i + 1 < n ? java.charAt(i + 1) : 0;
            if (c == '/' && next == '/') {
                while (i < n && java.charAt(i) != '\n') i++;
            } else if (c == '/' && next == '*') {
                int end = java.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
            } else if (java.startsWith("\"\"\"", i)) {
                int end = java.indexOf("\"\"\"", i + 3);
                while (end > 0 && java.charAt(end - 1) == '\\') end = java.indexOf("\"\"\"", end + 1);
                int stop = end < 0 ? n : end + 3;
                sb.append(java, i, stop);
                i = stop - 1;
            } else if (c == '"' || c == '\'') {
                int k = i + 1;
                while (k < n && java.charAt(k) != c && java.charAt(k) != '\n') k += java.charAt(k) == '\\' ? 2 : 1;
                int stop = Math.min(n, k + 1);
                sb.append(java, i, stop);
                i = stop - 1;
            } else if (!Character.isWhitespace(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
