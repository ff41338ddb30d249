package dev.luna.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cooldowns per model and a circuit breaker per provider, in the memory of one container (a Lambda execution
 * environment, or the local runtime).
 * <ul>
 *   <li><b>Cooldown</b>: a model that fails {@code cooldownFailures} retriable times within {@code failureWindow}
 *       rests for {@code cooldown}; a 429 with {@code Retry-After} rests it at least that long at once. A resting
 *       model is skipped by routing.</li>
 *   <li><b>Breaker</b>: {@code breakerFailures} consecutive provider-side failures (5xx, timeouts, connection
 *       errors, malformed answers, cut streams — not 429s, which are quota, not health) open the provider's
 *       breaker for {@code breakerOpen}; then one trial call is let through (half-open): success closes it,
 *       failure opens it again.</li>
 * </ul>
 */
public final class Resilience {
    /** Thresholds and durations. */
    public record Settings(int cooldownFailures, Duration failureWindow, Duration cooldown, int breakerFailures, Duration breakerOpen) {
        public static final Settings DEFAULT = new Settings(3, Duration.ofSeconds(60), Duration.ofSeconds(30), 5, Duration.ofSeconds(30));
    }

    /** The state of one provider's breaker. */
    public enum BreakerState { CLOSED, OPEN, HALF_OPEN }

    private final Clock clock;
    private final Settings settings;
    private final Map<String, ModelHealth> models = new ConcurrentHashMap<>();
    private final Map<String, Breaker> breakers = new ConcurrentHashMap<>();

    public Resilience(Clock clock, Settings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    private static final class ModelHealth {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant restingUntil = Instant.MIN;
    }

    private static final class Breaker {
        BreakerState state = BreakerState.CLOSED;
        int consecutiveFailures;
        Instant openUntil = Instant.MIN;
        boolean trialInFlight;
    }

    /** When the model may be called again, or null when it may be called now. */
    public synchronized Instant restingUntil(ModelSpec model) {
        var h = models.get(model.id());
        if (h == null) return null;
        return h.restingUntil.isAfter(clock.instant()) ? h.restingUntil : null;
    }

    public synchronized BreakerState breaker(String provider) {
        var b = breakers.get(provider);
        if (b == null) return BreakerState.CLOSED;
        if (b.state == BreakerState.OPEN && !clock.instant().isBefore(b.openUntil)) return BreakerState.HALF_OPEN;
        return b.state;
    }

    /** Why the model cannot be called now, or null when it can (without taking a half-open trial slot). */
    public synchronized String unavailableReason(ModelSpec model) {
        Instant resting = restingUntil(model);
        if (resting != null) return "cooling down until " + resting;
        var b = breakers.get(model.provider());
        if (b == null) return null;
        Instant now = clock.instant();
        if (b.state == BreakerState.OPEN && now.isBefore(b.openUntil)) return "circuit open for " + model.provider() + " until " + b.openUntil;
        if ((b.state == BreakerState.HALF_OPEN || b.state == BreakerState.OPEN) && b.trialInFlight) {
            return "circuit half-open for " + model.provider() + " (a trial call is in flight)";
        }
        return null;
    }

    /** Claims the right to call the model now: false when it rests or its provider's breaker refuses. */
    public synchronized boolean tryAcquire(ModelSpec model) {
        if (unavailableReason(model) != null) return false;
        var b = breakers.get(model.provider());
        if (b != null && b.state != BreakerState.CLOSED) {
            b.state = BreakerState.HALF_OPEN;
            b.trialInFlight = true;
        }
        return true;
    }

    public synchronized void onSuccess(ModelSpec model) {
        var h = models.get(model.id());
        if (h != null) h.failures.clear();
        var b = breakers.get(model.provider());
        if (b != null) {
            b.state = BreakerState.CLOSED;
            b.consecutiveFailures = 0;
            b.trialInFlight = false;
        }
    }

    /** Records a failed call. Non-retriable failures only release a half-open trial. */
    public synchronized void onFailure(ModelSpec model, ProviderException e) {
        Instant now = clock.instant();
        var b = breakers.computeIfAbsent(model.provider(), p -> new Breaker());
        boolean wasTrial = b.trialInFlight;
        b.trialInFlight = false;
        if (!e.retriable()) {
            if (wasTrial) b.state = BreakerState.HALF_OPEN;
            return;
        }
        var h = models.computeIfAbsent(model.id(), id -> new ModelHealth());
        h.failures.addLast(now);
        while (!h.failures.isEmpty() && h.failures.peekFirst().isBefore(now.minus(settings.failureWindow()))) h.failures.removeFirst();
        if (h.failures.size() >= settings.cooldownFailures()) {
            h.restingUntil = max(h.restingUntil, now.plus(settings.cooldown()));
            h.failures.clear();
        }
        if (e.retryAfter() != null && e.retryAfter().isPositive()) {
            h.restingUntil = max(h.restingUntil, now.plus(e.retryAfter()));
        }
        if (e.kind() == ProviderException.Kind.RATE_LIMITED) {
            if (wasTrial) b.state = BreakerState.HALF_OPEN;
            return;
        }
        b.consecutiveFailures++;
        if (wasTrial || b.consecutiveFailures >= settings.breakerFailures()) {
            b.state = BreakerState.OPEN;
            b.openUntil = now.plus(settings.breakerOpen());
            b.consecutiveFailures = 0;
        }
    }

    /** Releases a half-open trial that was claimed but never used (the call was not made). */
    public synchronized void release(ModelSpec model) {
        var b = breakers.get(model.provider());
        if (b != null && b.trialInFlight) {
            b.trialInFlight = false;
        }
    }

    /** Breaker states and resting models, for health reports. */
    public synchronized Map<String, Object> snapshot() {
        var out = new LinkedHashMap<String, Object>();
        var br = new LinkedHashMap<String, String>();
        for (var p : breakers.keySet()) br.put(p, breaker(p).name().toLowerCase(java.util.Locale.ROOT));
        out.put("breakers", br);
        var resting = new LinkedHashMap<String, String>();
        Instant now = clock.instant();
        models.forEach((id, h) -> {
            if (h.restingUntil.isAfter(now)) resting.put(id, h.restingUntil.toString());
        });
        out.put("restingModels", resting);
        return out;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
