package dev.luna.llm;

import dev.luna.tracing.Tracing;
import io.opentelemetry.api.trace.SpanKind;

import dev.luna.core.ErrorCode;
import dev.luna.core.Ids;
import dev.luna.core.LunaException;
import dev.luna.core.ValidationException;
import dev.luna.core.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way Luna calls a model. A call is validated, routed ({@link Router}), admitted by the token rate
 * limiter, reserved against budgets ({@link Accounting#reserve}: a call that could cross a hard budget is refused
 * with {@code BUDGET_EXCEEDED} before any provider is contacted) and against its agent's tokens per day
 * ({@link AgentTokenQuota}: {@code QUOTA_EXCEEDED} once they are used up), then tried on its candidates in order, skipping
 * models that rest or whose provider's breaker is open ({@link Resilience}). Retriable failures (429, 5xx,
 * timeouts, connection errors, malformed answers, cut streams) fail over to the next candidate; non-retriable ones
 * end the call. When every candidate failed and the earliest {@code Retry-After} is near, the gateway waits for it
 * once. Finally the reservation is settled to the exact cost and usage is recorded.
 *
 * <h2>Mid-stream failover</h2>
 * When a stream breaks after the client already received text P, that text cannot be taken back. The gateway
 * asks the next candidate to <em>continue</em> P: it sends the original messages plus P as an assistant message —
 * which Anthropic (and the local provider) continue natively — and, for providers that do not continue an
 * assistant prefix, a final user message asking to continue exactly where the text stops without repeating it.
 * The fallback's output is streamed right after P, so the client sees one answer; its output limit is what remains
 * of {@code max_tokens}. The result lists the failover ({@code afterChars} = |P|), and both attempts are billed and
 * recorded: the broken one with its output counted by the tokenizer ({@code outcome = partial}), the fallback with
 * its reported usage. A non-streamed call that fails is simply retried from scratch on the next candidate.
 */
public final class LlmGateway {
    private static final Logger log = LoggerFactory.getLogger(LlmGateway.class);
    static final String CONTINUE_INSTRUCTION = "Your previous answer was cut off. Continue it exactly where it stops, "
            + "without repeating any of it and without any preamble.";

    /** Limits of the gateway. */
    public record Settings(Duration attemptTimeout, Duration deadline, Duration maxRetryAfterWait, int defaultMaxTokens,
                           Duration reservationHold) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(25), Duration.ofSeconds(28), Duration.ofSeconds(3),
                1024, Duration.ofMinutes(15));
    }

    /** Receives a streamed answer piece by piece. */
    @FunctionalInterface
    public interface StreamListener {
        void onDelta(String text);
    }

    private final ModelCatalog catalog;
    private final Map<String, ChatProvider> providers;
    private final Router router;
    private final Resilience resilience;
    private final Tokenizer tokenizer;
    private final Accounting accounting;
    private final TokenRateLimiter rateLimiter;
    private final Clock clock;
    private final Ids ids;
    private final Settings settings;

    LlmGateway(ModelCatalog catalog, Map<String, ChatProvider> providers, boolean localFallback, Resilience resilience,
               Tokenizer tokenizer, Accounting accounting, TokenRateLimiter rateLimiter, Clock clock, Settings settings) {
        this.catalog = catalog;
        this.providers = Map.copyOf(providers);
        var configured = new java.util.TreeSet<String>();
        providers.forEach((name, p) -> {
            if (p.configured()) configured.add(name);
        });
        this.router = new Router(catalog, configured, localFallback);
        this.resilience = resilience;
        this.tokenizer = tokenizer;
        this.accounting = accounting;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
        this.ids = new Ids(clock);
        this.settings = settings;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    public Resilience resilience() {
        return resilience;
    }

    /** Providers that can be called (a key is configured, or the offline one). */
    public List<String> configuredProviders() {
        return providers.values().stream().filter(ChatProvider::configured).map(ChatProvider::name).sorted().toList();
    }

    /** Validates the call and routes it, without calling anything. */
    public Route route(ChatCall call, boolean streaming) {
        validate(call);
        int input = tokenizer.countMessages(call.messages());
        return router.route(call, streaming, input, maxTokens(call));
    }

    public ChatResult chat(ChatCall call) {
        return Tracing.inSpan("llm gateway chat", SpanKind.INTERNAL, Map.of("gen_ai.operation.name", "chat"), () -> run(call, null));
    }

    public ChatResult stream(ChatCall call, StreamListener listener) {
        if (listener == null) throw new IllegalArgumentException("listener is required");
        return Tracing.inSpan("llm gateway stream", SpanKind.INTERNAL, Map.of("gen_ai.operation.name", "chat"), () -> run(call, listener));
    }

    private int maxTokens(ChatCall call) {
        return call.maxTokens() != null ? call.maxTokens() : settings.defaultMaxTokens();
    }

    private ChatResult run(ChatCall call, StreamListener listener) {
        long startNanos = System.nanoTime();
        long providerNanos = 0;
        Instant started = clock.instant();
        long deadline = System.nanoTime() + settings.deadline().toNanos();
        validate(call);
        if (call.context() == null) throw new IllegalArgumentException("a call needs a usage context");
        int inputTokens = tokenizer.countMessages(call.messages());
        int maxTokens = maxTokens(call);
        Route route = router.route(call, listener != null, inputTokens, maxTokens);
        String callId = ids.next("llm");
        var context = call.context();

        var permit = rateLimiter.acquire(context, (long) inputTokens + route.maxOutputTokens());
        Accounting.Reservation reservation = Accounting.Reservation.none(callId);
        if (accounting != null) {
            int reserveInput = inputTokens + inputTokens / 10 + 16; // room for tokenizers that count differently
            BigDecimal maxCost = BigDecimal.ZERO;
            for (var m : route.candidates()) {
                var c = m.prices().maxCost(reserveInput, route.maxOutputTokens());
                if (c.compareTo(maxCost) > 0) maxCost = c;
            }
            try {
                reservation = accounting.reserve(context, maxCost, inputTokens, callId, settings.reservationHold());
            } catch (RuntimeException e) {
                rateLimiter.settle(permit, 0);
                throw e;
            }
        }

        var attempts = new ArrayList<ChatResult.Attempt>();
        var failovers = new ArrayList<ChatResult.Failover>();
        var records = new ArrayList<UsageRecord>();
        var delivered = new StringBuilder();
        ProviderException last = null;
        ModelSpec previous = null;
        ChatResult result = null;
        boolean settled = false;
        try {
            for (int pass = 0; pass < 2 && result == null; pass++) {
                for (var model : route.candidates()) {
                    if (System.nanoTime() >= deadline) break;
                    var provider = providers.get(model.provider());
                    if (provider == null || !provider.configured()) continue;
                    String unavailable = resilience.unavailableReason(model);
                    if (unavailable != null || !resilience.tryAcquire(model)) {
                        attempts.add(new ChatResult.Attempt(model.provider(), model.id(), "skipped", null, null, 0,
                                unavailable != null ? unavailable : "unavailable"));
                        continue;
                    }
                    if (previous != null && last != null) {
                        failovers.add(new ChatResult.Failover(previous.id(), model.id(), last.kind().wire(), delivered.length()));
                    }
                    String prefix = delivered.toString();
                    int remaining = route.maxOutputTokens() - (prefix.isEmpty() ? 0 : tokenizer.count(prefix));
                    if (remaining < 1) {
                        resilience.release(model);
                        break;
                    }
                    var messages = prefix.isEmpty() ? call.messages() : continuation(call.messages(), prefix, provider);
                    long budgetNanos = Math.min(settings.attemptTimeout().toNanos(), deadline - System.nanoTime());
                    var pc = new ChatProvider.ProviderCall(model, messages, Math.min(remaining, model.maxOutputTokens()),
                            call.temperature(), call.topP(), call.stop(), call.jsonMode(), Duration.ofNanos(Math.max(budgetNanos, 1_000_000)));
                    long t0 = System.nanoTime();
                    try {
                        ChatProvider.ProviderReply reply;
                        try {
                            reply = Tracing.inSpan("chat " + model.id(), SpanKind.CLIENT,
                                    Map.of("gen_ai.system", model.provider(), "gen_ai.request.model", model.id()),
                                    () -> listener == null ? provider.chat(pc) : provider.stream(pc, text -> {
                                        delivered.append(text);
                                        listener.onDelta(text);
                                    }));
                        } finally {
                            providerNanos += System.nanoTime() - t0;
                        }
                        resilience.onSuccess(model);
                        long ms = (System.nanoTime() - t0) / 1_000_000;
                        Usage usage = reply.usage() != null ? reply.usage()
                                : new Usage(tokenizer.countMessages(messages), 0, 0, tokenizer.count(reply.text()), true);
                        records.add(record(callId, records.size(), model, usage, context, "ok"));
                        attempts.add(new ChatResult.Attempt(model.provider(), model.id(), "ok", null, null, ms, null));
                        String text = listener == null ? reply.text() : delivered.toString();
                        result = result(callId, started, text, reply.finishReason(), model, route, records, attempts, failovers);
                        break;
                    } catch (ProviderException e) {
                        long ms = (System.nanoTime() - t0) / 1_000_000;
                        resilience.onFailure(model, e);
                        attempts.add(new ChatResult.Attempt(model.provider(), model.id(), "failed", e.kind().wire(),
                                e.httpStatus() == 0 ? null : e.httpStatus(), ms, e.getMessage()));
                        if (!e.partialText().isEmpty()) {
                            // the provider produced (and bills) output before failing
                            var usage = new Usage(tokenizer.countMessages(messages), 0, 0, tokenizer.count(e.partialText()), true);
                            records.add(record(callId, records.size(), model, usage, context, "partial"));
                        }
                        log.warn("llm call {}: {} {} failed ({}): {}", callId, model.provider(), model.id(), e.kind().wire(), e.getMessage());
                        last = e;
                        previous = model;
                        if (!e.retriable()) throw providerError(e, attempts);
                    }
                }
                if (result == null && pass == 0 && !waitForRetryAfter(route, deadline)) break;
            }
            if (result == null) throw unavailable(last, attempts, route);
            settled = true;
            settle(callId, reservation, records, permit);
            return result.withOverhead((System.nanoTime() - startNanos - providerNanos) / 1000);
        } finally {
            if (!settled) settle(callId, reservation, records, permit);
        }
    }

    private void settle(String callId, Accounting.Reservation reservation, List<UsageRecord> records, TokenRateLimiter.Permit permit) {
        long used = 0;
        for (var r : records) used += r.inputTokens() + r.outputTokens();
        LlmMetrics.accounted(records);
        try {
            if (accounting != null) accounting.settle(reservation, records);
        } catch (RuntimeException e) {
            // the answer stands; the reservation expires and the budget monitor releases it
            log.error("llm call {}: could not settle usage: {}", callId, e.toString());
        }
        try {
            rateLimiter.settle(permit, used);
        } catch (RuntimeException e) {
            log.warn("llm call {}: could not settle the token rate limit: {}", callId, e.toString());
        }
    }

    /** Sleeps until the earliest candidate may be called again, if that is soon enough. */
    private boolean waitForRetryAfter(Route route, long deadline) {
        Instant earliest = null;
        for (var m : route.candidates()) {
            var p = providers.get(m.provider());
            if (p == null || !p.configured()) continue;
            Instant until = resilience.restingUntil(m);
            if (until == null) continue; // it just failed without a rest to wait for: not worth an immediate retry
            if (earliest == null || until.isBefore(earliest)) earliest = until;
        }
        if (earliest == null) return false;
        Duration wait = Duration.between(clock.instant(), earliest);
        if (wait.compareTo(settings.maxRetryAfterWait()) > 0 || System.nanoTime() + wait.toNanos() >= deadline) return false;
        try {
            Thread.sleep(Math.max(0, wait.toMillis()) + 5);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<ChatMessage> continuation(List<ChatMessage> original, String prefix, ChatProvider provider) {
        var out = new ArrayList<>(original);
        out.add(ChatMessage.assistant(prefix));
        if (!provider.continuesAssistantPrefix()) out.add(ChatMessage.user(CONTINUE_INSTRUCTION));
        return out;
    }

    private UsageRecord record(String callId, int n, ModelSpec model, Usage usage, UsageContext ctx, String outcome) {
        return new UsageRecord(callId + "-" + n, clock.instant(), model.provider(), model.id(), usage.inputTokens(), usage.cachedInputTokens(),
                usage.cacheWriteTokens(), usage.outputTokens(), model.prices().cost(usage), usage.estimated(), ctx.taskType(),
                ctx.projectId(), ctx.agentId(), ctx.taskId(), ctx.apiKeyId(), ctx.optimized(), ctx.requestId(), outcome);
    }

    private static ChatResult result(String id, Instant created, String text, String finishReason, ModelSpec model, Route route,
                                     List<UsageRecord> records, List<ChatResult.Attempt> attempts, List<ChatResult.Failover> failovers) {
        Usage usage = Usage.NONE;
        BigDecimal cost = BigDecimal.ZERO;
        for (var r : records) {
            usage = usage.plus(new Usage(r.inputTokens(), r.cachedInputTokens(), r.cacheWriteTokens(), r.outputTokens(), r.estimated()));
            cost = cost.add(r.costUsd());
        }
        var info = new ChatResult.RouteInfo(route.strategy().wire(), route.complexity().wire(), route.complexityEstimated(), route.reason(),
                route.candidates().stream().map(ModelSpec::id).toList());
        return new ChatResult(id, created, text, finishReason, model.provider(), model.id(), usage, Prices.strip(cost),
                LocalProvider.NAME.equals(model.provider()), info, List.copyOf(attempts), List.copyOf(failovers), 0);
    }

    private static LunaException providerError(ProviderException e, List<ChatResult.Attempt> attempts) {
        var details = new LinkedHashMap<String, Object>();
        details.put("provider", e.provider());
        details.put("model", e.model());
        details.put("error", e.kind().wire());
        if (e.httpStatus() != 0) details.put("providerStatus", e.httpStatus());
        details.put("attempts", List.copyOf(attempts));
        String why = switch (e.kind()) {
            case AUTHENTICATION -> "rejected the deployment's API key";
            case MODEL_NOT_FOUND -> "does not know the model";
            case INVALID_REQUEST -> "rejected the request";
            default -> "failed";
        };
        return new LunaException(ErrorCode.PROVIDER_ERROR, e.provider() + " " + why + " (" + e.model() + "); another provider would not fix this",
                details, e);
    }

    private static LunaException unavailable(ProviderException last, List<ChatResult.Attempt> attempts, Route route) {
        var details = new LinkedHashMap<String, Object>();
        details.put("candidates", route.candidates().stream().map(ModelSpec::id).toList());
        details.put("attempts", List.copyOf(attempts));
        if (last != null && last.retryAfter() != null) details.put("retryAfterSeconds", Math.max(1, (last.retryAfter().toMillis() + 999) / 1000));
        String message = last == null
                ? "No model could be tried: every candidate is cooling down or its provider's circuit is open; retry shortly"
                : "No model could answer: the last attempt (" + last.provider() + " " + last.model() + ") failed with " + last.kind().wire();
        return new LunaException(ErrorCode.UNAVAILABLE, message, details, last);
    }

    static void validate(ChatCall call) {
        var violations = new ArrayList<Violation>();
        if (call.messages().isEmpty()) violations.add(new Violation("messages", "must contain at least one message"));
        if (call.messages().size() > 2000) violations.add(new Violation("messages", "must contain at most 2000 messages"));
        boolean anyNonSystem = false;
        for (int i = 0; i < call.messages().size(); i++) {
            var m = call.messages().get(i);
            if (m.role() != ChatMessage.Role.SYSTEM) anyNonSystem = true;
            if (m.content().isBlank() && m.role() == ChatMessage.Role.USER) violations.add(new Violation("messages[" + i + "].content", "must not be empty"));
        }
        if (!call.messages().isEmpty() && !anyNonSystem) violations.add(new Violation("messages", "must contain a user message"));
        if (call.maxTokens() != null && call.maxTokens() < 1) violations.add(new Violation("max_tokens", "must be at least 1"));
        if (call.temperature() != null && (call.temperature() < 0 || call.temperature() > 2 || call.temperature().isNaN())) {
            violations.add(new Violation("temperature", "must be between 0 and 2"));
        }
        if (call.topP() != null && (call.topP() <= 0 || call.topP() > 1 || call.topP().isNaN())) violations.add(new Violation("top_p", "must be in (0, 1]"));
        if (call.stop().size() > 4) violations.add(new Violation("stop", "must have at most 4 sequences"));
        for (String s : call.stop()) {
            if (s == null || s.isEmpty() || s.length() > 200) violations.add(new Violation("stop", "sequences must be 1 to 200 characters"));
        }
        var costBudget = call.selection().costBudgetUsd();
        if (costBudget != null && (costBudget.signum() <= 0 || costBudget.compareTo(BigDecimal.valueOf(1000)) > 0)) {
            violations.add(new Violation("costBudgetUsd", "must be more than 0 and at most 1000"));
        }
        if (!violations.isEmpty()) throw new ValidationException(violations);
    }
}
