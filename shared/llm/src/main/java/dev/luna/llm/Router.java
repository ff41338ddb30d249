package dev.luna.llm;

import dev.luna.core.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns a {@link ProviderSelection} into a {@link Route}: the capable models (provider configured, capabilities,
 * context window, output limit, tier, per-call cost budget, latency), ordered by the strategy, with the reason.
 * Models whose provider has no key are never chosen; when no provider has one, everything goes to the offline
 * {@code local} model, and the reason says so.
 */
final class Router {
    static final int MAX_CANDIDATES = 4;
    private static final Pattern COMPLEX_WORDS = Pattern.compile(
            "\\b(architect\\w*|design\\w*|refactor\\w*|prove|proof|migrat\\w*|security|vulnerab\\w*|optimi[sz]\\w*|analy[sz]\\w*|debug\\w*|algorithm\\w*|trade-?offs?|concurren\\w*|distributed)\\b");
    private static final Set<String> COMPLEX_TASKS = Set.of("design-architecture", "code-generation", "app-generation",
            "migration-planning", "requirements");
    private static final Set<String> SIMPLE_TASKS = Set.of("summarize", "classify", "extract", "translate", "title", "tidy");

    private final ModelCatalog catalog;
    private final Set<String> configured;
    private final boolean localFallback;

    Router(ModelCatalog catalog, Set<String> configuredProviders, boolean localFallback) {
        this.catalog = catalog;
        this.configured = Set.copyOf(configuredProviders);
        this.localFallback = localFallback;
    }

    boolean offlineOnly() {
        return configured.stream().allMatch(LocalProvider.NAME::equals);
    }

    Route route(ChatCall call, boolean streaming, int inputTokens, int maxTokens) {
        var sel = call.selection();
        String provider = sel.provider() == null ? null : sel.provider().trim().toLowerCase(Locale.ROOT);
        if (provider != null && !ModelCatalog.PROVIDERS.contains(provider)) {
            throw new ValidationException("provider", "'" + sel.provider() + "' is not a known provider (known: " + new TreeSet<>(ModelCatalog.PROVIDERS) + ")");
        }
        ModelSpec pinned = null;
        if (sel.model() != null && !sel.model().isBlank() && !"auto".equalsIgnoreCase(sel.model().trim())) {
            pinned = catalog.find(sel.model()).orElseThrow(() -> new ValidationException("model",
                    "'" + sel.model() + "' is not in the model catalog; use 'auto' or one of " + ids(catalog.models())));
            if (provider != null && !pinned.provider().equals(provider)) {
                throw new ValidationException("model", "'" + sel.model() + "' is served by " + pinned.provider() + ", not " + provider);
            }
        }
        List<ModelSpec> explicitFallbacks = new ArrayList<>();
        if (sel.fallbacks() != null) {
            for (String f : sel.fallbacks()) {
                explicitFallbacks.add(catalog.find(f).orElseThrow(() -> new ValidationException("fallbacks",
                        "'" + f + "' is not in the model catalog")));
            }
        }
        var caps = EnumSet.noneOf(Capability.class);
        if (sel.performance() != null) caps.addAll(sel.performance().requiredCapabilities());
        if (streaming) caps.add(Capability.STREAMING);
        if (call.jsonMode()) caps.add(Capability.JSON);
        int minContext = Math.max(inputTokens + maxTokens, sel.performance() != null && sel.performance().minContextWindow() != null
                ? sel.performance().minContextWindow() : 0);
        Integer maxLatency = sel.performance() == null ? null : sel.performance().maxLatencyMs();

        Complexity complexity = sel.complexity();
        boolean estimated = complexity == null;
        if (estimated) complexity = estimateComplexity(call, inputTokens, maxTokens);

        Strategy strategy = sel.strategy() != null ? sel.strategy()
                : pinned != null || provider != null ? Strategy.PINNED : Strategy.CHEAPEST_CAPABLE;

        if (pinned != null) {
            checkFits(pinned, inputTokens, maxTokens, caps);
            if (!configured.contains(pinned.provider())) {
                var local = localModel();
                return new Route(List.of(local), strategy, complexity, estimated, pinned.provider() + " has no API key configured, so "
                        + pinned.id() + " cannot be called; the offline local model answers instead (deterministic, labelled offline)",
                        inputTokens, Math.min(maxTokens, local.maxOutputTokens()));
            }
        }

        boolean onlyLocal = offlineOnly();
        var pool = new ArrayList<ModelSpec>();
        var rejected = new ArrayList<String>();
        for (var m : catalog.models()) {
            if (!configured.contains(m.provider())) continue;
            if (m.provider().equals(LocalProvider.NAME) && !onlyLocal && !localFallback && (pinned == null || !pinned.equals(m))) continue;
            if (provider != null && !m.provider().equals(provider)) continue;
            String why = unfit(m, caps, minContext, maxTokens, inputTokens, sel.costBudgetUsd(), maxLatency);
            if (why != null) {
                rejected.add(m.id() + " (" + why + ")");
                continue;
            }
            pool.add(m);
        }
        final Complexity level = complexity;
        boolean tierRelaxed = false;
        var fit = pool.stream().filter(m -> m.fitFor(level)).toList();
        if (fit.isEmpty() && !pool.isEmpty()) {
            fit = pool;
            tierRelaxed = true;
        }
        var ordered = new ArrayList<>(fit);
        Comparator<ModelSpec> cheapest = Comparator.comparing((ModelSpec m) -> m.prices().maxCost(inputTokens, maxTokens))
                .thenComparingLong(m -> m.expectedLatencyMs(maxTokens)).thenComparing(ModelSpec::id);
        Comparator<ModelSpec> fastest = Comparator.comparingLong((ModelSpec m) -> m.expectedLatencyMs(maxTokens))
                .thenComparing(m -> m.prices().maxCost(inputTokens, maxTokens)).thenComparing(ModelSpec::id);
        ordered.sort(strategy == Strategy.FASTEST ? fastest : cheapest);

        var candidates = new LinkedHashSet<ModelSpec>();
        if (pinned != null) candidates.add(pinned);
        if (!explicitFallbacks.isEmpty()) {
            for (var f : explicitFallbacks) {
                if (configured.contains(f.provider()) && unfit(f, caps, minContext, maxTokens, inputTokens, sel.costBudgetUsd(), maxLatency) == null) {
                    candidates.add(f);
                }
            }
        } else {
            for (var m : ordered) {
                if (candidates.size() >= MAX_CANDIDATES) break;
                candidates.add(m);
            }
        }
        if (candidates.isEmpty()) {
            throw new ValidationException(sel.costBudgetUsd() != null ? "costBudgetUsd" : "model",
                    "no configured model can serve this request (" + (rejected.isEmpty() ? "no provider configured for it" : String.join("; ", rejected)) + ")");
        }
        var list = List.copyOf(candidates);
        var first = list.get(0);
        String reason = reason(strategy, first, list, level, estimated, tierRelaxed, inputTokens, maxTokens, caps, pinned, provider, onlyLocal);
        return new Route(list, strategy, level, estimated, reason, inputTokens, maxTokens);
    }

    private ModelSpec localModel() {
        return catalog.byProvider(LocalProvider.NAME).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the model catalog has no local model"));
    }

    private static void checkFits(ModelSpec m, int inputTokens, int maxTokens, Set<Capability> caps) {
        if (maxTokens > m.maxOutputTokens()) {
            throw new ValidationException("max_tokens", maxTokens + " exceeds the " + m.maxOutputTokens() + " output tokens " + m.id() + " allows");
        }
        if (inputTokens + maxTokens > m.contextWindow()) {
            throw new ValidationException("max_tokens", "about " + inputTokens + " input tokens + " + maxTokens
                    + " output tokens exceed the " + m.contextWindow() + "-token context window of " + m.id());
        }
        for (var c : caps) {
            if (!m.has(c)) throw new ValidationException("model", m.id() + " does not support " + c.wire());
        }
    }

    private static String unfit(ModelSpec m, Set<Capability> caps, int minContext, int maxTokens, int inputTokens,
                                BigDecimal costBudget, Integer maxLatency) {
        for (var c : caps) if (!m.has(c)) return "no " + c.wire();
        if (m.contextWindow() < minContext) return "context window " + m.contextWindow() + " < " + minContext;
        if (m.maxOutputTokens() < maxTokens) return "max output " + m.maxOutputTokens() + " < " + maxTokens;
        if (costBudget != null && m.prices().maxCost(inputTokens, maxTokens).compareTo(costBudget) > 0) {
            return "may cost up to $" + m.prices().maxCost(inputTokens, maxTokens).toPlainString() + " > $" + costBudget.toPlainString();
        }
        if (maxLatency != null && m.expectedLatencyMs(maxTokens) > maxLatency) return "expected " + m.expectedLatencyMs(maxTokens) + " ms > " + maxLatency + " ms";
        return null;
    }

    /** simple | medium | complex, from the size of the request, its words, its task type and its output limit. */
    static Complexity estimateComplexity(ChatCall call, int inputTokens, int maxTokens) {
        String taskType = call.selection().taskType() != null ? call.selection().taskType() : call.context() == null ? null : call.context().taskType();
        if (taskType != null && COMPLEX_TASKS.contains(taskType)) return Complexity.COMPLEX;
        int score = 0;
        if (taskType != null && SIMPLE_TASKS.contains(taskType)) score -= 1;
        var words = new java.util.HashSet<String>();
        boolean code = false;
        for (var m : call.messages()) {
            if (m.role() == ChatMessage.Role.ASSISTANT) continue;
            String text = m.content().toLowerCase(Locale.ROOT);
            var matcher = COMPLEX_WORDS.matcher(text);
            while (matcher.find() && words.size() < 4) words.add(matcher.group(1));
            if (text.contains("```")) code = true;
        }
        score += Math.min(words.size(), 3);
        if (code) score += 1;
        if (maxTokens > 4000) score += 1;
        if (inputTokens > 8000) return Complexity.COMPLEX;
        if (inputTokens > 1500) score = Math.max(score, 1);
        return score >= 3 ? Complexity.COMPLEX : score >= 1 ? Complexity.MEDIUM : Complexity.SIMPLE;
    }

    private static String reason(Strategy strategy, ModelSpec first, List<ModelSpec> all, Complexity complexity, boolean estimated,
                                 boolean tierRelaxed, int inputTokens, int maxTokens, Set<Capability> caps, ModelSpec pinned,
                                 String provider, boolean onlyLocal) {
        var sb = new StringBuilder();
        if (onlyLocal) {
            sb.append("no provider key is configured, so the offline local model answers (deterministic, labelled offline); ");
        }
        switch (strategy) {
            case PINNED -> sb.append(pinned != null ? first.id() + " was requested" : "pinned to " + provider + "; " + first.id()
                    + " is its cheapest model fit for the request");
            case FASTEST -> sb.append(first.id()).append(" has the lowest expected latency (~").append(first.expectedLatencyMs(maxTokens))
                    .append(" ms for ").append(maxTokens).append(" output tokens) among capable configured models");
            case CHEAPEST_CAPABLE -> sb.append(first.id()).append(" is the cheapest capable configured model (at most $")
                    .append(first.prices().maxCost(inputTokens, maxTokens).toPlainString()).append(" for this call)");
        }
        sb.append("; complexity ").append(complexity.wire()).append(estimated ? " (estimated from the request)" : " (given)");
        if (tierRelaxed) sb.append(", but no configured model is rated for it, so the best available is used");
        if (!caps.isEmpty()) {
            var names = new TreeSet<String>();
            caps.forEach(c -> names.add(c.wire()));
            sb.append("; needs ").append(String.join(", ", names));
        }
        sb.append("; about ").append(inputTokens).append(" input + ").append(maxTokens).append(" max output tokens");
        if (all.size() > 1) sb.append("; fallbacks: ").append(String.join(", ", all.subList(1, all.size()).stream().map(ModelSpec::id).toList()));
        return sb.toString();
    }

    private static String ids(java.util.Collection<ModelSpec> models) {
        var names = new TreeSet<String>();
        for (var m : models) names.add(m.id());
        return names.toString();
    }
}
