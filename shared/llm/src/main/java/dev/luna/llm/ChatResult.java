package dev.luna.llm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The gateway's answer: the text, who answered and why, what it cost, and every attempt on the way.
 *
 * @param id           the call id (also the id of its usage records and reservation)
 * @param text         the answer (after a mid-stream failover: the first provider's part, then the fallback's)
 * @param finishReason stop | length | content_filter | tool_calls
 * @param provider     the provider that finished the answer
 * @param model        the catalog id of the model that finished it
 * @param usage        tokens of every billed attempt, summed
 * @param costUsd      exact cost of every billed attempt, summed
 * @param offline      true when the offline local provider answered (its text says so too)
 * @param route        the routing decision and its reason
 * @param attempts     each provider attempt, in order
 * @param failovers    each switch from one model to the next, and why
 * @param overheadMicros time the gateway itself took (validation, routing, budget, accounting, adapters' request
 *                     building and parsing) — everything but waiting for providers' HTTP exchanges
 */
public record ChatResult(String id, Instant created, String text, String finishReason, String provider, String model, Usage usage,
                         BigDecimal costUsd, boolean offline, RouteInfo route, List<Attempt> attempts, List<Failover> failovers,
                         long overheadMicros) {

    ChatResult withOverhead(long micros) {
        return new ChatResult(id, created, text, finishReason, provider, model, usage, costUsd, offline, route, attempts, failovers, micros);
    }

    /** The routing decision as reported. */
    public record RouteInfo(String strategy, String complexity, boolean complexityEstimated, String reason, List<String> candidates) {
    }

    /** One attempt: {@code outcome} is ok, failed or skipped (cooling down / circuit open). */
    public record Attempt(String provider, String model, String outcome, String error, Integer httpStatus, long durationMs,
                          String detail) {
    }

    /** A switch to the next model; {@code afterChars} &gt; 0 when output had already been streamed. */
    public record Failover(String from, String to, String reason, int afterChars) {
    }
}
