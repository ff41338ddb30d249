package dev.luna.identity;

import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Fixed-window rate limits shared by every function instance: one counter item per bucket and window in the
 * {@code rate-limits} table, incremented atomically with a condition that refuses the increment past the limit
 * (so concurrent callers on any number of instances can never overshoot). Used per API key and per user
 * (requests per minute), and by the model gateway for tokens per minute ({@link #consume} with an amount).
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

    public Decision check(String bucket, long limit, Duration window) {
        return consume(bucket, 1, limit, window);
    }

    /** Takes {@code amount} units from the bucket's current window if that keeps it within {@code limit}. */
    public Decision consume(String bucket, long amount, long limit, Duration window) {
        long nowMs = clock.millis();
        long windowMs = window.toMillis();
        long start = nowMs - nowMs % windowMs;
        long reset = Math.max(1, (start + windowMs - nowMs + 999) / 1000);
        if (amount > limit) return new Decision(false, limit, 0, reset);
        String key = "RL#" + bucket + "#" + start;
        try {
            var resp = aws.dynamo().updateItem(b -> b.tableName(table).key(Map.of("pk", Attr.s(key)))
                    .updateExpression("ADD #u :amount SET #e = :exp")
                    .conditionExpression("attribute_not_exists(#u) OR #u <= :max")
                    .expressionAttributeNames(Map.of("#u", "used", "#e", "expiresAt"))
                    .expressionAttributeValues(Map.of(":amount", Attr.n(amount), ":max", Attr.n(limit - amount),
                            ":exp", Attr.n((start + 2 * windowMs) / 1000)))
                    .returnValues(ReturnValue.UPDATED_NEW));
            long used = Long.parseLong(resp.attributes().get("used").n());
            return new Decision(true, limit, Math.max(0, limit - used), reset);
        } catch (ConditionalCheckFailedException e) {
            return new Decision(false, limit, 0, reset);
        }
    }
}
