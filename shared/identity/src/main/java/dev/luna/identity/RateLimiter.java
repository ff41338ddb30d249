package dev.luna.identity;

import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Fixed-window rate limits shared by every function instance: one counter item per bucket and window in the
 * {@code rate-limits} table, incremented atomically with a condition that refuses the increment past the limit
 * (so concurrent callers on any number of instances can never overshoot). Used per API key and per user
 * (requests per minute), and by the model gateway for tokens per minute ({@link #consume} with an amount).
 *
 * <p>Request limits ({@link #check}) of 200 or more per window are leased: an instance takes
 * {@code limit / 100} units (at most {@value #MAX_LEASE}) from the shared counter in one conditional write and serves
 * the next requests of that bucket and window from memory. The counter still never passes the limit, since a lease
 * only takes units the condition allows (when fewer remain than a lease, one unit is taken); what changes is that
 * units an instance leased and did not use before the window ends are unavailable to the others, at most 1 % of
 * the limit per instance. This turns two DynamoDB writes per API request into about one per 6–20 requests.
 */
public final class RateLimiter {
    private final AwsClients aws;
    private final String table;
    private final Clock clock;

    /** The outcome: allowed or not, the limit, what remains in the window, and seconds until it resets. */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds) {
    }

    public RateLimiter(AwsClients aws, Clock clock) {
        this.aws = aws;
        this.table = aws.config().tableName("rate-limits");
        this.clock = clock;
    }

    /** Largest number of units taken ahead of need in one write. */
    static final long MAX_LEASE = 20;
    /** Buckets whose lease is kept; past this, leases of ended windows are dropped. */
    private static final int MAX_LEASED_BUCKETS = 10_000;
    private final ConcurrentHashMap<String, Lease> leases = new ConcurrentHashMap<>();

    /** Units this instance took from a bucket's window and has not used yet. */
    private static final class Lease {
        long windowStart = -1;
        long left;
        /** The shared counter after this instance's latest take. */
        long sharedUsed;
        /** The limit at which the window's counter could not give even one unit (0: not seen): counters only grow. */
        long exhaustedAt;
    }

    /** One request against the bucket's limit, served from this instance's lease when it holds units of the window. */
    public Decision check(String bucket, long limit, Duration window) {
        long lease = Math.min(MAX_LEASE, limit / 100);
        if (lease <= 1) return consume(bucket, 1, limit, window);
        long nowMs = clock.millis();
        long windowMs = window.toMillis();
        long start = nowMs - nowMs % windowMs;
        long reset = Math.max(1, (start + windowMs - nowMs + 999) / 1000);
        if (leases.size() > MAX_LEASED_BUCKETS) leases.values().removeIf(l -> l.windowStart < start);
        var held = leases.computeIfAbsent(bucket, b -> new Lease());
        synchronized (held) {
            if (held.windowStart != start) {
                held.windowStart = start;
                held.left = 0;
                held.exhaustedAt = 0;
            }
            if (held.left == 0 && held.exhaustedAt == limit) return new Decision(false, limit, 0, reset);
            if (held.left == 0) {
                long used = take(bucket, lease, limit, start, windowMs);
                long taken = lease;
                if (used < 0) {
                    used = take(bucket, 1, limit, start, windowMs);
                    taken = 1;
                }
                if (used < 0) {
                    held.exhaustedAt = limit;
                    return new Decision(false, limit, 0, reset);
                }
                held.left = taken;
                held.sharedUsed = used;
            }
            held.left--;
            return new Decision(true, limit, Math.max(0, limit - held.sharedUsed + held.left), reset);
        }
    }

    /** Takes {@code amount} units from the bucket's current window if that keeps it within {@code limit}. */
    public Decision consume(String bucket, long amount, long limit, Duration window) {
        long nowMs = clock.millis();
        long windowMs = window.toMillis();
        long start = nowMs - nowMs % windowMs;
        long reset = Math.max(1, (start + windowMs - nowMs + 999) / 1000);
        if (amount > limit) return new Decision(false, limit, 0, reset);
        long used = take(bucket, amount, limit, start, windowMs);
        return used < 0 ? new Decision(false, limit, 0, reset) : new Decision(true, limit, Math.max(0, limit - used), reset);
    }

    /** Adds {@code amount} to the window's shared counter if that keeps it within the limit: the new total, or -1. */
    private long take(String bucket, long amount, long limit, long start, long windowMs) {
        if (amount > limit) return -1;
        String key = "RL#" + bucket + "#" + start;
        try {
            var resp = aws.dynamo().updateItem(b -> b.tableName(table).key(Map.of("pk", Attr.s(key)))
                    .updateExpression("ADD #u :amount SET #e = :exp")
                    .conditionExpression("attribute_not_exists(#u) OR #u <= :max")
                    .expressionAttributeNames(Map.of("#u", "used", "#e", "expiresAt"))
                    .expressionAttributeValues(Map.of(":amount", Attr.n(amount), ":max", Attr.n(limit - amount),
                            ":exp", Attr.n((start + 2 * windowMs) / 1000)))
                    .returnValues(ReturnValue.UPDATED_NEW));
            return Long.parseLong(resp.attributes().get("used").n());
        } catch (ConditionalCheckFailedException e) {
            return -1;
        }
    }
}
