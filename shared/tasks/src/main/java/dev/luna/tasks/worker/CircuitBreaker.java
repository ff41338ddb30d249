package dev.luna.tasks.worker;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.luna.core.Json;
import dev.luna.tasks.store.BreakerStates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One circuit breaker per task type, shared by every worker through DynamoDB. {@code closed}: tasks run;
 * after {@code failureThreshold} consecutive retriable failures (or timeouts) it opens: dispatch of that type
 * pauses (messages are parked with a delay, not failed) for the cool-down; then one worker wins the probe
 * ({@code half_open}); the probe's success closes the breaker, its failure reopens it with a doubled
 * cool-down (capped).
 */
public final class CircuitBreaker {
    private static final Duration CLOSED_CACHE = Duration.ofMillis(500);
    private final BreakerStates store;
    private final Clock clock;
    private final int failureThreshold;
    private final Duration coolDown;
    private final Duration maxCoolDown;
    private final Map<String, Cached> closedCache = new ConcurrentHashMap<>();

    public CircuitBreaker(BreakerStates store, Clock clock, int failureThreshold, Duration coolDown, Duration maxCoolDown) {
        this.store = store;
        this.clock = clock;
        this.failureThreshold = failureThreshold;
        this.coolDown = coolDown;
        this.maxCoolDown = maxCoolDown;
    }

    public enum Status {
        @JsonProperty("closed") CLOSED,
        @JsonProperty("open") OPEN,
        @JsonProperty("half_open") HALF_OPEN
    }

    /** A breaker as stored. */
    public record State(String type, Status status, int consecutiveFailures, Instant openedAt, Instant openUntil,
                        long coolDownMs, String probeOwner, Instant probeUntil, String lastError, int opens,
                        Instant updatedAt, long revision) {
        State next(Status s, int failures, Instant opened, Instant until, long cool, String probe, Instant probeEnd,
                   String error, int openCount, Instant now) {
            return new State(type, s, failures, opened, until, cool, probe, probeEnd, error, openCount, now, revision + 1);
        }
    }

    /** Whether a worker may run a task of the type now. */
    public sealed interface Decision {
        record Allow(boolean probe) implements Decision {
        }

        record Defer(Duration delay, String reason) implements Decision {
        }
    }

    private record Cached(State state, Instant readAt) {
    }

    public Decision admit(String type, String owner, Duration probeTimeout) {
        Instant now = clock.instant();
        var cached = closedCache.get(type);
        if (cached != null && cached.state().status() == Status.CLOSED && cached.readAt().plus(CLOSED_CACHE).isAfter(now)) {
            return new Decision.Allow(false);
        }
        for (int tries = 0; tries < 5; tries++) {
            var state = read(type).orElse(null);
            now = clock.instant();
            if (state == null || state.status() == Status.CLOSED) {
                closedCache.put(type, new Cached(state == null ? neverFailed(type, now) : state, now));
                return new Decision.Allow(false);
            }
            closedCache.remove(type);
            if (state.status() == Status.OPEN && now.isBefore(state.openUntil())) {
                return new Decision.Defer(Duration.between(now, state.openUntil()), "circuit open for " + type);
            }
            if (state.status() == Status.HALF_OPEN && state.probeUntil() != null && now.isBefore(state.probeUntil())) {
                return owner.equals(state.probeOwner()) ? new Decision.Allow(true)
                        : new Decision.Defer(Duration.between(now, state.probeUntil()).plusMillis(100), "circuit half-open, probing " + type);
            }
            var probing = state.next(Status.HALF_OPEN, state.consecutiveFailures(), state.openedAt(), state.openUntil(),
                    state.coolDownMs(), owner, now.plus(probeTimeout), state.lastError(), state.opens(), now);
            if (write(probing)) return new Decision.Allow(true);
        }
        return new Decision.Defer(Duration.ofSeconds(1), "circuit of " + type + " is contended");
    }

    public void recordSuccess(String type) {
        var cached = closedCache.get(type);
        if (cached != null && cached.state().status() == Status.CLOSED && cached.state().consecutiveFailures() == 0) return;
        for (int tries = 0; tries < 5; tries++) {
            var state = read(type).orElse(null);
            if (state == null || (state.status() == Status.CLOSED && state.consecutiveFailures() == 0)) {
                closedCache.put(type, new Cached(state == null ? neverFailed(type, clock.instant()) : state, clock.instant()));
                return;
            }
            var closed = state.next(Status.CLOSED, 0, null, null, coolDown.toMillis(), null, null, state.lastError(), state.opens(), clock.instant());
            if (write(closed)) {
                closedCache.put(type, new Cached(closed, clock.instant()));
                return;
            }
        }
    }

    /** The state of a type that has no stored breaker: closed, nothing failed (cached like a stored one). */
    private State neverFailed(String type, Instant now) {
        return new State(type, Status.CLOSED, 0, null, null, coolDown.toMillis(), null, null, null, 0, now, 0);
    }

    /** The stored breaker of {@code type}, if any. */
    public Optional<State> read(String type) {
        return store.read(type).map(doc -> Json.readTrusted(doc, State.class));
    }

    private boolean write(State state) {
        return store.write(state.type(), state.revision(), Json.write(state));
    }

    public void recordFailure(String type, String error) {
        closedCache.remove(type);
        for (int tries = 0; tries < 5; tries++) {
            Instant now = clock.instant();
            var state = read(type).orElse(new State(type, Status.CLOSED, 0, null, null, coolDown.toMillis(), null,
                    null, null, 0, now, 0));
            State next;
            if (state.status() == Status.HALF_OPEN) {
                long cool = Math.min(maxCoolDown.toMillis(), Math.max(coolDown.toMillis(), state.coolDownMs() * 2));
                next = state.next(Status.OPEN, state.consecutiveFailures() + 1, now, now.plusMillis(cool), cool, null, null, error,
                        state.opens() + 1, now);
            } else if (state.status() == Status.OPEN) {
                return; // a straggler from before it opened: already open
            } else if (state.consecutiveFailures() + 1 >= failureThreshold) {
                next = state.next(Status.OPEN, state.consecutiveFailures() + 1, now, now.plus(coolDown), coolDown.toMillis(), null,
                        null, error, state.opens() + 1, now);
            } else {
                next = state.next(Status.CLOSED, state.consecutiveFailures() + 1, null, null, state.coolDownMs(), null, null, error,
                        state.opens(), now);
            }
            if (write(next)) return;
        }
    }
}
