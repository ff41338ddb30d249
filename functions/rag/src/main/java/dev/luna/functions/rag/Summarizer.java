package dev.luna.functions.rag;

import dev.luna.core.LunaException;
import dev.luna.llm.ChatCall;
import dev.luna.llm.ChatMessage;
import dev.luna.llm.Complexity;
import dev.luna.llm.LlmGateway;
import dev.luna.llm.ProviderException;
import dev.luna.llm.ProviderSelection;
import dev.luna.llm.UsageContext;
import dev.luna.rag.Languages;
import dev.luna.rag.TokenOptimizer;
import dev.luna.rag.Tokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code summarize} strategy of {@code /tokens/optimize}, applied after {@link TokenOptimizer}'s own strategies:
 * contexts below {@code keepRelevance} and of at least {@link #MIN_TOKENS} tokens are replaced, least relevant first,
 * by a summary written by a model through the gateway — only when a model provider is configured (the offline
 * {@code local} provider does not summarise) and only when the summary is shorter. {@code summarize}: {@code true}
 * summarises every eligible context; absent, only while the target is not met; {@code false} never. Each call is
 * accounted by the gateway like any other (task type {@code rag-summarize}, budgets apply); a refused or failed call
 * stops summarising and the response says why.
 */
final class Summarizer {
    static final int MIN_TOKENS = 120;
    static final String TASK_TYPE = "rag-summarize";
    static final String PREFIX = "summarize: ";
    private static final String INSTRUCTIONS = "You compress retrieved context for another model. Summarise the context below in at most %d "
            + "tokens. Keep identifiers, signatures, file names, numbers and what the code or text does; drop everything else. Answer with "
            + "the summary only.";

    static final String MODEL = "LUNA_RAG_SUMMARY_MODEL";
    private final Supplier<LlmGateway> gateway;
    private final String model;

    /**
     * @param gateway the model gateway, made on first use (null supplier result: none)
     * @param model   a catalog model to pin summaries to, or null for the router's cheapest capable one
     */
    Summarizer(Supplier<LlmGateway> gateway, String model) {
        this.gateway = gateway;
        this.model = model;
    }

    /** True when a provider other than the offline one has a key. */
    boolean available() {
        var g = gateway.get();
        return g != null && g.configuredProviders().stream().anyMatch(p -> !p.equals("local"));
    }

    TokenOptimizer.Result apply(String projectId, TokenOptimizer.Result r, Integer target, double keepRelevance, Boolean summarize) {
        var notApplied = new ArrayList<String>();
        for (String n : r.notApplied()) if (!n.startsWith(PREFIX)) notApplied.add(n);
        boolean wanted = summarize == null ? target != null && r.tokensAfter() > target : summarize;
        if (!wanted) {
            if (Boolean.FALSE.equals(summarize) && target != null && r.tokensAfter() > target) notApplied.add(PREFIX + "turned off by the request");
            return with(r, r.contexts(), r.strategies(), notApplied, target);
        }
        var order = new ArrayList<Integer>();
        for (int k = 0; k < r.contexts().size(); k++) {
            var c = r.contexts().get(k);
            double rel = c.relevanceScore() == null ? 0 : c.relevanceScore();
            if (rel < keepRelevance && Tokens.count(c.content()) >= MIN_TOKENS) order.add(k);
        }
        if (order.isEmpty()) {
            notApplied.add(PREFIX + "no context below keepRelevance " + keepRelevance + " has " + MIN_TOKENS + " tokens or more");
            return with(r, r.contexts(), r.strategies(), notApplied, target);
        }
        if (!available()) {
            notApplied.add(PREFIX + "no model provider is configured (set LUNA_OPENAI_API_KEY, LUNA_ANTHROPIC_API_KEY, LUNA_DEEPSEEK_API_KEY or "
                    + "LUNA_GEMINI_API_KEY); " + order.size() + " context(s) could have been summarised");
            return with(r, r.contexts(), r.strategies(), notApplied, target);
        }
        var items = new ArrayList<>(r.contexts());
        order.sort(Comparator.comparingDouble(k -> items.get(k).relevanceScore() == null ? 0 : items.get(k).relevanceScore()));
        int current = r.tokensAfter();
        int saved = 0;
        for (int k : order) {
            if (summarize == null && target != null && current <= target) break;
            var item = items.get(k);
            int tokens = Tokens.count(item.content());
            int limit = Math.max(32, tokens / 4);
            String summary;
            try {
                var call = new ChatCall(List.of(ChatMessage.system(INSTRUCTIONS.formatted(limit)), ChatMessage.user(context(item))),
                        limit, 0.0, null, null, false, selection(), new UsageContext(projectId, null, null, null, TASK_TYPE, true, null));
                var result = gateway.get().chat(call);
                if (result.offline()) {
                    notApplied.add(PREFIX + "only the offline provider answered; contexts were not summarised");
                    break;
                }
                summary = result.text() == null ? "" : result.text().strip();
            } catch (LunaException | ProviderException e) {
                notApplied.add(PREFIX + "stopped: " + e.getMessage());
                break;
            }
            String replaced = "[summary] " + summary;
            int delta = tokens - Tokens.count(replaced);
            if (summary.isEmpty() || delta <= 0) continue;
            items.set(k, new TokenOptimizer.Item(item.id(), item.path(), item.language(), replaced, item.relevanceScore()));
            current -= delta;
            saved += delta;
        }
        var steps = new ArrayList<>(r.strategies());
        if (saved > 0) steps.add(new TokenOptimizer.Step("summarize", saved));
        return with(r, items, steps, notApplied, target);
    }

    /** The model of {@code LUNA_RAG_SUMMARY_MODEL} when set, else the cheapest capable model for a simple task. */
    private ProviderSelection selection() {
        if (model != null) return ProviderSelection.pinned(model);
        return new ProviderSelection(TASK_TYPE, Complexity.SIMPLE, null, null, null, null, null, null);
    }

    private static String context(TokenOptimizer.Item item) {
        String lang = item.language() != null ? item.language() : item.path() != null ? Languages.of(item.path()) : "text";
        return (item.path() == null ? "" : "File: " + item.path() + "\n") + "Language: " + lang + "\n\n" + item.content();
    }

    private static TokenOptimizer.Result with(TokenOptimizer.Result r, List<TokenOptimizer.Item> items, List<TokenOptimizer.Step> steps,
                                              List<String> notApplied, Integer target) {
        int after = Tokens.count(r.prompt());
        for (var i : items) after += Tokens.count(i.content());
        int before = r.tokensBefore();
        double ratio = before == 0 ? 0 : Math.round((before - after) * 10000.0 / before) / 10000.0;
        return new TokenOptimizer.Result(r.prompt(), items, before, after, before - after, ratio, List.copyOf(steps),
                target == null || after <= target, r.tokenizer(), List.copyOf(notApplied));
    }
}
