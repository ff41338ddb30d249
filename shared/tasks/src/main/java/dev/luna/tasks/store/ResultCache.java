package dev.luna.tasks.store;

import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Table {@code task-cache}: a submission's cache key → the task holding its result, until it expires. */
public final class ResultCache {
    private final AwsClients aws;
    private final String table;

    public ResultCache(AwsClients aws) {
        this.aws = aws;
        this.table = aws.config().tableName("task-cache");
    }

    /** The task holding the cached result of {@code cacheKey}, unless expired. */
    public Optional<String> find(String projectId, String cacheKey, Instant now) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key(projectId + "#" + cacheKey, null))).item();
        boolean live = item != null && !item.isEmpty() && Attr.num(item, "expiresAt", 0) > now.getEpochSecond();
        dev.luna.tasks.TaskMetrics.cacheLookup(live);
        return live ? Optional.ofNullable(Attr.str(item, "taskId")) : Optional.empty();
    }

    /** The cache entry of a task's result, written in the same transaction as its success. */
    public TransactWriteItem write(String projectId, String cacheKey, String taskId, Instant now, Instant expiresAt) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(Map.of("pk", Attr.s(projectId + "#" + cacheKey),
                "taskId", Attr.s(taskId), "createdAt", Attr.s(now.toString()), "expiresAt", Attr.n(expiresAt.getEpochSecond()))).build()).build();
    }

    public record CleanupResult(int scanned, int deleted, boolean more) {
    }

    /** Deletes expired entries (the stand-in does not expire TTL items, and AWS may take up to days). */
    public CleanupResult cleanExpired(Instant now, int maxDeletes) {
        int scanned = 0, deleted = 0;
        Map<String, AttributeValue> start = null;
        do {
            var req = ScanRequest.builder().tableName(table).filterExpression("expiresAt <= :now")
                    .expressionAttributeValues(Map.of(":now", Attr.n(now.getEpochSecond()))).limit(500);
            if (start != null) req.exclusiveStartKey(start);
            var resp = aws.dynamo().scan(req.build());
            scanned += resp.scannedCount();
            for (var i : resp.items()) {
                if (deleted >= maxDeletes) break;
                try {
                    aws.dynamo().deleteItem(b -> b.tableName(table).key(Map.of("pk", i.get("pk")))
                            .conditionExpression("expiresAt <= :now")
                            .expressionAttributeValues(Map.of(":now", Attr.n(now.getEpochSecond()))));
                    deleted++;
                } catch (ConditionalCheckFailedException e) {
                    // refreshed meanwhile
                }
            }
            start = resp.hasLastEvaluatedKey() && !resp.lastEvaluatedKey().isEmpty() ? resp.lastEvaluatedKey() : null;
        } while (start != null && deleted < maxDeletes);
        return new CleanupResult(scanned, deleted, start != null);
    }
}
