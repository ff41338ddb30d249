package dev.luna.rag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shrinks a prompt and its contexts while keeping what the model needs, cheapest-loss first, stopping as soon as a
 * target is met:
 * <ol>
 * <li>dedupe — repeated contexts and repeated paragraphs of the prompt;</li>
 * <li>contained — contexts whose text lies wholly inside another context (which takes over the higher relevance);</li>
 * <li>whitespace — trailing blanks, runs of empty lines, common indentation, and one space per nesting level in brace
 * languages (never re-indenting Python, YAML or Markdown);</li>
 * <li>comments — line and block comments of code contexts (Python docstrings, compiler directives such as
 * {@code //go:embed} and everything inside string literals kept);</li>
 * <li>imports — import, package and require lines;</li>
 * <li>near-duplicates — a code context whose tokens nearly all occur in a more relevant context kept whole (a copy,
 * or an overload of the same name in the same file) keeps only its signature;</li>
 * <li>signature-only — bodies of code contexts replaced by {@code { … }} (with the first sentence of their
 * documentation kept, long string literals shortened) when their relevance, weighed by the tokens this saves
 * ({@link #weighedRelevance}), is below {@code keepRelevance}; the lowest value per token first.</li>
 * </ol>
 * Contexts kept whole change only in whitespace and comments, and never inside a string literal ({@link CodeLexer}).
 * Counts are from the real tokenizer ({@link Tokens}).
 */
public final class TokenOptimizer {
    public record Input(String prompt, List<Item> contexts, Integer targetTokens, Double keepRelevance) {
    }

    public record Item(String id, String path, String language, String content, Double relevanceScore) {
    }

    public record Step(String strategy, int tokensSaved) {
    }

    public record Result(String prompt, List<Item> contexts, int tokensBefore, int tokensAfter, int savedTokens, double savingsRatio,
                         List<Step> strategies, boolean targetMet, String tokenizer, List<String> notApplied) {
    }

    public Result optimize(Input input) {
        String prompt = input.prompt() == null ? "" : input.prompt();
        var items = new ArrayList<Item>();
        if (input.contexts() != null) {
            for (Item i : input.contexts()) {
                String lang = i.language() != null ? i.language() : i.path() != null ? Languages.of(i.path()) : "text";
                items.add(new Item(i.id(), i.path(), lang, i.content() == null ? "" : i.content(), i.relevanceScore()));
            }
        }
        double keep = input.keepRelevance() == null ? 0.5 : input.keepRelevance();
        Integer target = input.targetTokens();
        int before = total(prompt, items);
        var steps = new ArrayList<Step>();
        int current = before;

        // 1. dedupe: repeated contexts, and contexts whose text lies wholly inside another one (which then carries the
        // higher relevance of the two, so it is kept whole whenever either would have been)
        var deduped = Deduplication.dropRepeated(items);
        String dedupedPrompt = Deduplication.dedupeParagraphs(prompt);
        current = record(steps, "dedupe", current, total(dedupedPrompt, deduped));
        prompt = dedupedPrompt;
        items = deduped;
        if (!met(current, target)) {
            items = Deduplication.dropContained(items);
            current = record(steps, "contained", current, total(prompt, items));
        }
        // what signature-only renderings take their documentation sentence from
        var originalByIndex = new ArrayList<String>();
        for (Item i : items) originalByIndex.add(i.content());

        // 2. whitespace
        if (!met(current, target)) {
            prompt = WhitespaceReducer.whitespace(prompt, "text");
            items.replaceAll(i -> with(i, WhitespaceReducer.whitespace(i.content(), i.language())));
            current = record(steps, "whitespace", current, total(prompt, items));
        }
        // 3. comments
        if (!met(current, target)) {
            items.replaceAll(i -> Languages.isCode(i.language())
                    ? with(i, WhitespaceReducer.whitespace(CodeStripping.stripComments(i.content(), i.language()), i.language())) : i);
            current = record(steps, "comments", current, total(prompt, items));
        }
        // 4. imports and package lines of code contexts (names stay in the code; where they come from rarely matters)
        if (!met(current, target)) {
            items.replaceAll(i -> Languages.isCode(i.language()) ? with(i, CodeStripping.stripImports(i.content(), i.language())) : i);
            current = record(steps, "imports", current, total(prompt, items));
        }
        var order = new ArrayList<Integer>();
        for (int k = 0; k < items.size(); k++) order.add(k);
        final var view = items;
        order.sort(Comparator.comparingDouble((Integer k) -> relevance(view.get(k))).reversed());
        var compressed = new boolean[items.size()];
        // 5. near-duplicates: a code context whose tokens nearly all occur in a more relevant context kept whole (the
        // overloads of one method, copies of a helper) keeps only its signature
        if (!met(current, target)) {
            int startTokens = current;
            nearDuplicates(items, order, compressed, originalByIndex, current, target);
            current = total(prompt, items);
            record(steps, "near-duplicates", startTokens, current);
        }
        // 6. signature-only for code contexts whose relevance, weighed against what compressing them saves, is below
        // keepRelevance; the worst value per token first
        if (!met(current, target)) {
            int startTokens = current;
            signatureOnly(items, compressed, originalByIndex, keep, current, target);
            current = total(prompt, items);
            record(steps, "signature-only", startTokens, current);
        }
        var notApplied = new ArrayList<String>();
        if (!met(current, target)) notApplied.add("summarize: no summarisation provider is configured");
        double ratio = before == 0 ? 0 : Math.round((before - current) * 10000.0 / before) / 10000.0;
        return new Result(prompt, items, before, current, before - current, ratio, steps, target == null || current <= target,
                Tokens.encodingName(), notApplied);
    }

    /** Code contexts that are near-duplicates of a more relevant one kept whole keep only their signatures (most relevant first). */
    private static void nearDuplicates(List<Item> items, List<Integer> order, boolean[] compressed, List<String> originalByIndex, int current,
                                       Integer target) {
        var whole = new ArrayList<Integer>();
        var names = new String[items.size()];
        var bags = new ArrayList<Map<String, Integer>>();
        var sizes = new int[items.size()];
        for (int k = 0; k < items.size(); k++) {
            Item i = items.get(k);
            boolean code = Languages.isCode(i.language());
            names[k] = code ? LexicalSimilarity.declaredName(i.content(), i.language()) : null;
            bags.add(code ? LexicalSimilarity.lexicalTokens(i.content()) : Map.of());
            sizes[k] = bags.get(k).values().stream().mapToInt(Integer::intValue).sum();
        }
        for (int k : order) {
            Item i = items.get(k);
            if (!Languages.isCode(i.language())) continue;
            boolean twin = false;
            for (int w : whole) {
                Item other = items.get(w);
                if (!other.language().equals(i.language())) continue;
                boolean overload = names[k] != null && java.util.Objects.equals(i.path(), other.path()) && names[k].equals(names[w]);
                double threshold = overload ? LexicalSimilarity.OVERLOAD : LexicalSimilarity.NEAR_DUPLICATE;
                // a multiset Jaccard similarity is at most the ratio of the two sizes
                if (Math.min(sizes[k], sizes[w]) < threshold * Math.max(sizes[k], sizes[w])) continue;
                if (LexicalSimilarity.similarity(bags.get(w), bags.get(k)) >= threshold) {
                    twin = true;
                    break;
                }
            }
            if (!twin) {
                whole.add(k);
                continue;
            }
            String sig = SignatureRenderer.signatureOnly(originalByIndex.get(k), i.content(), i.language());
            int delta = Tokens.count(i.content()) - Tokens.count(sig);
            if (delta <= 0) {
                whole.add(k);
                continue;
            }
            items.set(k, with(i, sig));
            compressed[k] = true;
            current -= delta;
            if (met(current, target)) return;
        }
    }

    /** Code contexts whose weighed relevance is below {@code keep} keep only their signatures, the worst value per token first. */
    private static void signatureOnly(List<Item> items, boolean[] compressed, List<String> originalByIndex, double keep, int current,
                                      Integer target) {
        var candidates = new ArrayList<Candidate>();
        for (int k = 0; k < items.size(); k++) {
            Item i = items.get(k);
            if (compressed[k] || !Languages.isCode(i.language())) continue;
            String sig = SignatureRenderer.signatureOnly(originalByIndex.get(k), i.content(), i.language());
            int delta = Tokens.count(i.content()) - Tokens.count(sig);
            if (delta <= 0) continue;
            double weighed = weighedRelevance(relevance(i), delta);
            if (weighed < keep) candidates.add(new Candidate(k, sig, delta, weighed));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::weighed));
        for (var c : candidates) {
            items.set(c.index(), with(items.get(c.index()), c.signature()));
            compressed[c.index()] = true;
            current -= c.saved();
            if (met(current, target)) return;
        }
    }

    private record Candidate(int index, String signature, int saved, double weighed) {
    }

    /** Tokens a signature-only rendering saves at which relevance is taken as it is; larger savings weigh it down, smaller ones up. */
    static final int REFERENCE_SAVING = 100;
    /** Exponent of the size weighing (0 = relevance alone decides); chosen as {@link LexicalSimilarity#NEAR_DUPLICATE} was. */
    static final double SIZE_WEIGHT = 0.2;

    /**
     * Relevance per token at stake: {@code relevance * (REFERENCE_SAVING / saved)^SIZE_WEIGHT}. Compressing a large
     * context of some relevance saves more per unit of risk than compressing a small one of the same relevance, so
     * large contexts need a higher relevance to stay whole.
     */
    static double weighedRelevance(double relevance, int saved) {
        return relevance * Math.pow((double) REFERENCE_SAVING / Math.max(1, saved), SIZE_WEIGHT);
    }

    private static double relevance(Item i) {
        return i.relevanceScore() == null ? 0 : i.relevanceScore();
    }

    private static boolean met(int current, Integer target) {
        return target != null && current <= target;
    }

    private static int record(List<Step> steps, String name, int before, int after) {
        if (after < before) steps.add(new Step(name, before - after));
        return after;
    }

    private static Item with(Item i, String content) {
        return new Item(i.id(), i.path(), i.language(), content, i.relevanceScore());
    }

    private static int total(String prompt, List<Item> items) {
        int t = Tokens.count(prompt);
        for (Item i : items) t += Tokens.count(i.content());
        return t;
    }

    /** Savings ratio per strategy, for reporting. */
    public static Map<String, Integer> byStrategy(Result r) {
        var m = new LinkedHashMap<String, Integer>();
        for (Step s : r.strategies()) m.put(s.strategy(), s.tokensSaved());
        return m;
    }
}
