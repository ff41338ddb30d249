package dev.luna.store;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Idempotency records for writes carrying an {@code Idempotency-Key} (the Powertools idempotency model:
 * an IN_PROGRESS lock taken with a conditional put, then the stored response). A retry with the same key and the
 * same request gets the first response back; the same key with a different request is refused; a retry while
 * the first is still running is told so. Records expire after 24 hours; expiry is checked on read, since not
 * every stand-in deletes TTL items.
 */
public final class IdempotencyStore {
    public static final Duration RETENTION = Duration.ofHours(24);
    private static final Duration LOCK = Duration.ofSeconds(60);

    private final AwsClients aws;
    private final String table;
    private final Clock clock;

    public IdempotencyStore(AwsClients aws, Clock clock) {
        this.aws = aws;
        this.table = aws.config().tableName("idempotency");
        this.clock = clock;
    }

    /** What {@link #begin} found. */
    public sealed interface Outcome {
        /** First time: the caller runs the request and then calls {@link #complete} or {@link #release}. */
        record Proceed() implements Outcome {
        }

        /** Seen and completed: the stored response. */
        record Replay(String response) implements Outcome {
        }
    }

    public Outcome begin(String key, String requestHash) {
        long now = clock.instant().getEpochSecond();
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", Attr.s(key));
        item.put("status", Attr.s("IN_PROGRESS"));
        item.put("requestHash", Attr.s(requestHash));
        item.put("lockedUntil", Attr.n(now + LOCK.toSeconds()));
        item.put("expiresAt", Attr.n(now + RETENTION.toSeconds()));
        try {
            aws.dynamo().putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now OR (#s = :inprogress AND lockedUntil < :now)")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":now", Attr.n(now), ":inprogress", Attr.s("IN_PROGRESS")))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Outcome.Proceed();
        } catch (ConditionalCheckFailedException e) {
            var old = e.item();
            if (old == null || old.isEmpty()) {
                throw new LunaException(ErrorCode.IDEMPOTENCY_IN_PROGRESS, "A request with this Idempotency-Key is in progress; retry later");
            }
            if (!requestHash.equals(Attr.str(old, "requestHash"))) {
                throw new LunaException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was already used for a different request; use a new key");
            }
            if ("COMPLETED".equals(Attr.str(old, "status"))) {
                return new Outcome.Replay(Attr.str(old, "response"));
            }
            throw new LunaException(ErrorCode.IDEMPOTENCY_IN_PROGRESS, "A request with this Idempotency-Key is in progress; retry later");
        }
    }

    public void complete(String key, String response) {
        aws.dynamo().updateItem(b -> b.tableName(table).key(Attr.key(key, null))
                .updateExpression("SET #s = :done, #r = :resp")
                .expressionAttributeNames(Map.of("#s", "status", "#r", "response"))
                .expressionAttributeValues(Map.of(":done", Attr.s("COMPLETED"), ":resp", Attr.s(response))));
    }

    /** Forgets an attempt that failed on our side, so the client's retry runs again. */
    public void release(String key) {
        aws.dynamo().deleteItem(b -> b.tableName(table).key(Attr.key(key, null)));
    }
}
