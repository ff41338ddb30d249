package dev.luna.tasks;

import dev.luna.core.Json;
import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import tools.jackson.databind.JsonNode;

/**
 * Tasks in DynamoDB and S3. Table {@code tasks}: one item per task ({@code pk = TASK#<id>, sk = TASK}; the task
 * JSON in {@code doc}, {@code status} and {@code revision} as attributes for conditions). Index {@code gsi1}
 * lists a project's tasks newest first ({@code P#<project>}, {@code <createdAt>#<id>}); the sparse index
 * {@code gsi2} holds only tasks in a state someone looks for: queued per queue ({@code Q#<priority>}, by
 * queue time: the oldest waiting task), running ({@code RUNNING}, by start: stuck tasks) and dead-lettered per
 * project ({@code DEAD#<project>}). The same table holds circuit breakers ({@code CIRCUIT#<type>}) and
 * platform settings ({@code CONFIG#…}). Table {@code task-events} keeps one item per finished attempt for queue
 * statistics; table {@code task-cache} maps a submission's cache key to the task holding its result.
 * Every state change is a conditional write on {@code revision}.
 */
public final class TaskStore {
    /** Results larger than this are stored in S3 rather than in the task item (DynamoDB items are at most 400 KB). */
    public static final int INLINE_RESULT_BYTES = 64 * 1024;
    private static final String SK = "TASK";
    private final AwsClients aws;
    private final String table;
    private final String events;
    private final String cache;
    private final String bucket;

    public TaskStore(AwsClients aws) {
        this.aws = aws;
        this.table = aws.config().tableName("tasks");
        this.events = aws.config().tableName("task-events");
        this.cache = aws.config().tableName("task-cache");
        this.bucket = aws.config().bucketName("artifacts");
    }

    public record Page<T>(List<T> items, Map<String, AttributeValue> lastKey) {
    }

    private static final java.time.format.DateTimeFormatter SORTABLE = new java.time.format.DateTimeFormatterBuilder()
            .appendInstant(9).toFormatter(Locale.ROOT);

    /** Fixed-width ISO-8601 (nanoseconds), so sort keys order like the instants they hold. */
    public static String sortable(Instant at) {
        return SORTABLE.format(at);
    }

    public static String pk(String id) {
        return "TASK#" + id;
    }

    public static String projectPartition(String projectId) {
        return "P#" + projectId;
    }

    public static String queuedPartition(Priority p) {
        return "Q#" + p.wire();
    }

    public static final String RUNNING_PARTITION = "RUNNING";

    public static String deadPartition(String projectId) {
        return "DEAD#" + projectId;
    }

    // --- tasks ---------------------------------------------------------------------------------------------

    /** Stores a new task; false when the id exists already. A finished one (a cache hit) gets its webhook outbox entry too. */
    public boolean create(Task task) {
        try {
            if (needsWebhook(task)) {
                aws.dynamo().transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(task)).conditionExpression("attribute_not_exists(pk)").build()).build(),
                        outboxPut(task)));
            } else {
                aws.dynamo().putItem(b -> b.tableName(table).item(item(task)).conditionExpression("attribute_not_exists(pk)"));
            }
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (TransactionCanceledException e) {
            if (!e.cancellationReasons().isEmpty() && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) return false;
            throw e;
        }
    }

    public Optional<Task> get(String id) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key(pk(id), SK)).consistentRead(true)).item();
        if (item == null || item.isEmpty() || !item.containsKey("doc")) return Optional.empty();
        return Optional.of(Json.readTrusted(Attr.str(item, "doc"), Task.class));
    }

    /**
     * Replaces the task if nobody changed it since revision {@code next.revision() - 1}; false otherwise.
     * {@code effects} (a handler's staged writes) commit in the same transaction, and so does giving back the
     * task's slot of its agent's concurrency when a task that ran is no longer running.
     */
    public boolean replace(Task next, List<TransactWriteItem> effects) {
        var put = taskPut(next); // the task's JSON, serialised once
        var writes = new ArrayList<TransactWriteItem>();
        writes.add(TransactWriteItem.builder().put(put).build());
        if (effects != null) writes.addAll(effects);
        if (holdsNoSlot(next)) writes.add(TransactWriteItem.builder().update(slotUpdate(next, "DELETE")).build());
        if (needsWebhook(next)) writes.add(outboxPut(next));
        for (int attempt = 1; ; attempt++) {
            try {
                if (writes.size() == 1) {
                    aws.dynamo().putItem(putRequest(put));
                } else {
                    aws.dynamo().transactWriteItems(b -> b.transactItems(writes));
                }
                return true;
            } catch (ConditionalCheckFailedException e) {
                return false;
            } catch (TransactionCanceledException e) {
                var reasons = e.cancellationReasons();
                if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) return false;
                if (!conflicted(e, attempt)) throw e;
            }
        }
    }

    /**
     * True (after a short, jittered pause) when a transaction lost to a concurrent one on the same item — the
     * agent's slot item is shared by its tasks — and may simply run again; false after five tries.
     */
    private static boolean conflicted(TransactionCanceledException e, int attempt) {
        boolean conflict = e.cancellationReasons().stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
        if (!conflict || attempt >= 5) return false;
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(2, 10L << attempt));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    /** What a claim came to: the task is ours, somebody else changed it first, or its agent runs all it may. */
    public enum Claim { CLAIMED, STALE, AGENT_BUSY }

    /**
     * Writes {@code running} (a claim) if nobody changed the task since it was read and, when the task's agent has a
     * concurrency quota, takes one of the agent's slots in the same transaction: the agent's slot item holds the
     * ids of its running tasks, and a task joins only while there are fewer than {@code agentConcurrency}.
     */
    public Claim claim(Task running) {
        if (running.agentId() == null || running.agentConcurrency() == null) return replace(running) ? Claim.CLAIMED : Claim.STALE;
        var slot = software.amazon.awssdk.services.dynamodb.model.Update.builder().tableName(table).key(Attr.key(slotsPk(running.agentId()), SLOTS_SK))
                .updateExpression("ADD #h :me")
                .conditionExpression("attribute_not_exists(#h) OR size(#h) < :max OR contains(#h, :id)")
                .expressionAttributeNames(Map.of("#h", "holders"))
                .expressionAttributeValues(Map.of(":me", AttributeValue.fromSs(List.of(running.id())), ":id", Attr.s(running.id()),
                        ":max", Attr.n(running.agentConcurrency())))
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                aws.dynamo().transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(taskPut(running)).build(),
                        TransactWriteItem.builder().update(slot).build()));
                return Claim.CLAIMED;
            } catch (TransactionCanceledException e) {
                var reasons = e.cancellationReasons();
                if (reasons.size() > 0 && "ConditionalCheckFailed".equals(reasons.get(0).code())) return Claim.STALE;
                if (reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code())) return Claim.AGENT_BUSY;
                if (!conflicted(e, attempt)) throw e;
            }
        }
    }

    /** The ids of the tasks holding a slot of the agent's concurrency. */
    public java.util.Set<String> slotHolders(String agentId) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key(slotsPk(agentId), SLOTS_SK)).consistentRead(true)).item();
        if (item == null || !item.containsKey("holders")) return java.util.Set.of();
        return new java.util.TreeSet<>(item.get("holders").ss());
    }

    /** Gives back a slot a task holds although it no longer runs (its worker died between writes). */
    public void releaseSlot(String agentId, String taskId) {
        aws.dynamo().updateItem(b -> b.tableName(table).key(Attr.key(slotsPk(agentId), SLOTS_SK)).updateExpression("DELETE #h :me")
                .expressionAttributeNames(Map.of("#h", "holders")).expressionAttributeValues(Map.of(":me", AttributeValue.fromSs(List.of(taskId)))));
    }

    // --- webhook outbox ------------------------------------------------------------------------------------

    /**
     * The webhook of a task that ends is owed from the moment its end is written: an outbox entry
     * ({@code WEBHOOK#<task>}, {@code R<revision>}) commits with that write, is deleted once the delivery message is
     * on the webhook queue, and the health-check sends what is left (a crash between the two).
     */
    public static final String OUTBOX_PARTITION = "OUTBOX#WEBHOOK";

    /** A webhook delivery owed: the task, the state and revision it is about. */
    public record OwedWebhook(String taskId, String status, long revision, String type) {
    }

    private static boolean needsWebhook(Task t) {
        return t.webhookUrl() != null && t.status().isTerminal();
    }

    private TransactWriteItem outboxPut(Task t) {
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", Attr.s("WEBHOOK#" + t.id()));
        item.put("sk", Attr.s("R" + t.revision()));
        item.put("gsi2pk", Attr.s(OUTBOX_PARTITION));
        item.put("gsi2sk", Attr.s(sortable(t.updatedAt()) + "#" + t.id()));
        item.put("doc", Attr.s(Json.write(new OwedWebhook(t.id(), t.status().wire(), t.revision(), t.type()))));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    /** The delivery of {@code taskId} at {@code revision} is on its queue. */
    public void webhookQueued(String taskId, long revision) {
        aws.dynamo().deleteItem(b -> b.tableName(table).key(Attr.key("WEBHOOK#" + taskId, "R" + revision)));
    }

    /** Webhooks owed since before {@code before}, oldest first. */
    public List<OwedWebhook> owedWebhooks(Instant before, int max) {
        var out = new ArrayList<OwedWebhook>();
        Map<String, AttributeValue> start = null;
        do {
            var startKey = start;
            var page = aws.dynamo().query(b -> b.tableName(table).indexName("gsi2")
                    .keyConditionExpression("gsi2pk = :p AND gsi2sk < :before")
                    .expressionAttributeValues(Map.of(":p", Attr.s(OUTBOX_PARTITION), ":before", Attr.s(sortable(before))))
                    .exclusiveStartKey(startKey).limit(Math.min(100, max)));
            for (var item : page.items()) out.add(Json.readTrusted(Attr.str(item, "doc"), OwedWebhook.class));
            start = page.lastEvaluatedKey() == null || page.lastEvaluatedKey().isEmpty() ? null : page.lastEvaluatedKey();
        } while (start != null && out.size() < max);
        return out;
    }

    static String slotsPk(String agentId) {
        return "AGENT#" + agentId;
    }

    private static final String SLOTS_SK = "SLOTS";

    /** A task that has run, and is not running now, holds no slot of its agent's concurrency. */
    private static boolean holdsNoSlot(Task t) {
        return t.agentId() != null && t.agentConcurrency() != null && t.startedAt() != null && t.status() != TaskStatus.RUNNING;
    }

    private software.amazon.awssdk.services.dynamodb.model.Update slotUpdate(Task t, String action) {
        return software.amazon.awssdk.services.dynamodb.model.Update.builder().tableName(table).key(Attr.key(slotsPk(t.agentId()), SLOTS_SK)).updateExpression(action + " #h :me")
                .expressionAttributeNames(Map.of("#h", "holders")).expressionAttributeValues(Map.of(":me", AttributeValue.fromSs(List.of(t.id()))))
                .build();
    }

    private Put taskPut(Task next) {
        return Put.builder().tableName(table).item(item(next)).conditionExpression("#rev = :expected")
                .expressionAttributeNames(Map.of("#rev", "revision")).expressionAttributeValues(Map.of(":expected", Attr.n(next.revision() - 1)))
                .build();
    }

    private static software.amazon.awssdk.services.dynamodb.model.PutItemRequest putRequest(Put put) {
        return software.amazon.awssdk.services.dynamodb.model.PutItemRequest.builder().tableName(put.tableName()).item(put.item())
                .conditionExpression(put.conditionExpression()).expressionAttributeNames(put.expressionAttributeNames())
                .expressionAttributeValues(put.expressionAttributeValues()).build();
    }

    public boolean replace(Task next) {
        return replace(next, List.of());
    }

    /** One page of a project's tasks, newest first, created within [from, to] when given. */
    public Page<Task> page(String projectId, Instant from, Instant to, Map<String, AttributeValue> startKey, int limit) {
        var values = new HashMap<String, AttributeValue>();
        values.put(":p", Attr.s(projectPartition(projectId)));
        String condition = "gsi1pk = :p";
        if (from != null || to != null) {
            condition += " AND gsi1sk BETWEEN :from AND :to";
            values.put(":from", Attr.s(from == null ? "0" : sortable(from)));
            values.put(":to", Attr.s(to == null ? "9" : sortable(to) + "~"));
        }
        var req = QueryRequest.builder().tableName(table).indexName("gsi1").keyConditionExpression(condition)
                .expressionAttributeValues(values).scanIndexForward(false).limit(limit);
        if (startKey != null) req.exclusiveStartKey(startKey);
        return tasks(aws.dynamo().query(req.build()));
    }

    /** One page of the state index {@code gsi2} for {@code partition}, oldest first. */
    public Page<Task> state(String partition, Map<String, AttributeValue> startKey, int limit) {
        var req = QueryRequest.builder().tableName(table).indexName("gsi2").keyConditionExpression("gsi2pk = :p")
                .expressionAttributeValues(Map.of(":p", Attr.s(partition))).limit(limit);
        if (startKey != null) req.exclusiveStartKey(startKey);
        return tasks(aws.dynamo().query(req.build()));
    }

    /** The key a list cursor must point at to resume after {@code task} in a project listing. */
    public static Map<String, AttributeValue> projectIndexKey(Task task) {
        return Map.of("pk", Attr.s(pk(task.id())), "sk", Attr.s(SK), "gsi1pk", Attr.s(projectPartition(task.projectId())),
                "gsi1sk", Attr.s(sortable(task.createdAt()) + "#" + task.id()));
    }

    private static Page<Task> tasks(software.amazon.awssdk.services.dynamodb.model.QueryResponse resp) {
        return new Page<>(resp.items().stream().map(i -> Json.readTrusted(Attr.str(i, "doc"), Task.class)).toList(),
                resp.hasLastEvaluatedKey() && !resp.lastEvaluatedKey().isEmpty() ? resp.lastEvaluatedKey() : null);
    }

    private static Map<String, AttributeValue> item(Task t) {
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", Attr.s(pk(t.id())));
        item.put("sk", Attr.s(SK));
        item.put("doc", Attr.s(Json.write(t)));
        item.put("status", Attr.s(t.status().wire()));
        item.put("revision", Attr.n(t.revision()));
        item.put("gsi1pk", Attr.s(projectPartition(t.projectId())));
        item.put("gsi1sk", Attr.s(sortable(t.createdAt()) + "#" + t.id()));
        String statePk = switch (t.status()) {
            case PENDING, QUEUED -> queuedPartition(t.priority());
            case RUNNING -> RUNNING_PARTITION;
            case DEAD_LETTERED -> deadPartition(t.projectId());
            default -> null;
        };
        if (statePk != null) {
            Instant at = switch (t.status()) {
                case PENDING, QUEUED -> t.queuedAt();
                case RUNNING -> t.startedAt();
                default -> t.completedAt();
            };
            item.put("gsi2pk", Attr.s(statePk));
            item.put("gsi2sk", Attr.s(sortable(at == null ? t.updatedAt() : at) + "#" + t.id()));
        }
        return item;
    }

    // --- results and artifacts in S3 ---------------------------------------------------------------------

    public static String resultKey(String taskId) {
        return "tasks/" + taskId + "/result.json";
    }

    public static String artifactKey(String taskId, String name) {
        return "tasks/" + taskId + "/artifacts/" + name;
    }

    public void putObject(String key, byte[] content, String contentType) {
        aws.s3().putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }

    /** The task's result: inline, or read from S3. */
    public Optional<JsonNode> result(Task task) {
        if (task.result() != null) return Optional.of(task.result());
        if (task.resultRef() == null) return Optional.empty();
        try {
            byte[] bytes = aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key(task.resultRef())).asByteArray();
            return Optional.of(Json.tree(new String(bytes, StandardCharsets.UTF_8)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    // --- queue statistics --------------------------------------------------------------------------------

    /** One finished attempt, as queue statistics count it. */
    public record AttemptEvent(String taskId, Priority priority, String type, String outcome, long waitMs, long runMs, Instant at) {
    }

    public void recordAttempt(AttemptEvent e, int attempt) {
        aws.dynamo().putItem(b -> b.tableName(events).item(attemptItem(e, attempt)));
    }

    /** The attempt record as a write of the transaction that records the attempt's outcome. */
    public TransactWriteItem attemptWrite(AttemptEvent e, int attempt) {
        return TransactWriteItem.builder().put(Put.builder().tableName(events).item(attemptItem(e, attempt)).build()).build();
    }

    private static Map<String, AttributeValue> attemptItem(AttemptEvent e, int attempt) {
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", Attr.s("QUEUE#" + e.priority().wire()));
        item.put("sk", Attr.s(String.format(Locale.ROOT, "%013d#%s#%d", e.at().toEpochMilli(), e.taskId(), attempt)));
        item.put("taskType", Attr.s(e.type()));
        item.put("outcome", Attr.s(e.outcome()));
        item.put("waitMs", Attr.n(e.waitMs()));
        item.put("runMs", Attr.n(e.runMs()));
        item.put("expiresAt", Attr.n(e.at().getEpochSecond() + 7 * 86_400));
        return item;
    }

    /** Attempts finished on a queue since {@code from} (at most {@code max}, oldest first). */
    public List<AttemptEvent> attempts(Priority priority, Instant from, int max) {
        var out = new ArrayList<AttemptEvent>();
        Map<String, AttributeValue> start = null;
        do {
            var req = QueryRequest.builder().tableName(events).keyConditionExpression("pk = :p AND sk >= :from")
                    .expressionAttributeValues(Map.of(":p", Attr.s("QUEUE#" + priority.wire()),
                            ":from", Attr.s(String.format(Locale.ROOT, "%013d", from.toEpochMilli()))))
                    .limit(Math.min(1000, max - out.size()));
            if (start != null) req.exclusiveStartKey(start);
            var resp = aws.dynamo().query(req.build());
            for (var i : resp.items()) {
                String[] sk = Attr.str(i, "sk").split("#");
                out.add(new AttemptEvent(sk[1], priority, Attr.str(i, "taskType"), Attr.str(i, "outcome"),
                        Attr.num(i, "waitMs", 0), Attr.num(i, "runMs", 0), Instant.ofEpochMilli(Long.parseLong(sk[0]))));
            }
            start = resp.hasLastEvaluatedKey() && !resp.lastEvaluatedKey().isEmpty() ? resp.lastEvaluatedKey() : null;
        } while (start != null && out.size() < max);
        return out;
    }

    // --- result cache --------------------------------------------------------------------------------------

    /** The task holding the cached result of {@code cacheKey}, unless expired. */
    public Optional<String> cached(String projectId, String cacheKey, Instant now) {
        var item = aws.dynamo().getItem(b -> b.tableName(cache).key(Attr.key(projectId + "#" + cacheKey, null))).item();
        if (item == null || item.isEmpty() || Attr.num(item, "expiresAt", 0) <= now.getEpochSecond()) return Optional.empty();
        return Optional.ofNullable(Attr.str(item, "taskId"));
    }

    /** The cache entry of a task's result, written in the same transaction as its success. */
    public TransactWriteItem cacheWrite(String projectId, String cacheKey, String taskId, Instant now, Instant expiresAt) {
        return TransactWriteItem.builder().put(Put.builder().tableName(cache).item(Map.of("pk", Attr.s(projectId + "#" + cacheKey),
                "taskId", Attr.s(taskId), "createdAt", Attr.s(now.toString()), "expiresAt", Attr.n(expiresAt.getEpochSecond()))).build()).build();
    }

    /** Deletes expired cache entries (the stand-in does not expire TTL items, and AWS may take up to days). */
    public CleanupResult cleanExpiredCache(Instant now, int maxDeletes) {
        int scanned = 0, deleted = 0;
        Map<String, AttributeValue> start = null;
        do {
            var req = ScanRequest.builder().tableName(cache).filterExpression("expiresAt <= :now")
                    .expressionAttributeValues(Map.of(":now", Attr.n(now.getEpochSecond()))).limit(500);
            if (start != null) req.exclusiveStartKey(start);
            var resp = aws.dynamo().scan(req.build());
            scanned += resp.scannedCount();
            for (var i : resp.items()) {
                if (deleted >= maxDeletes) break;
                try {
                    aws.dynamo().deleteItem(b -> b.tableName(cache).key(Map.of("pk", i.get("pk")))
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

    public record CleanupResult(int scanned, int deleted, boolean more) {
    }

    // --- circuit breakers and settings ---------------------------------------------------------------------

    public Optional<CircuitBreaker.State> circuit(String type) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key("CIRCUIT#" + type, "STATE")).consistentRead(true)).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(Json.readTrusted(Attr.str(item, "doc"), CircuitBreaker.State.class));
    }

    /** Stores a breaker state if its revision is still {@code state.revision() - 1} (0 = absent). */
    public boolean putCircuit(CircuitBreaker.State state) {
        var item = Map.of("pk", Attr.s("CIRCUIT#" + state.type()), "sk", Attr.s("STATE"), "doc", Attr.s(Json.write(state)),
                "revision", Attr.n(state.revision()));
        try {
            if (state.revision() == 1) {
                aws.dynamo().putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            } else {
                aws.dynamo().putItem(b -> b.tableName(table).item(item).conditionExpression("#rev = :expected")
                        .expressionAttributeNames(Map.of("#rev", "revision"))
                        .expressionAttributeValues(Map.of(":expected", Attr.n(state.revision() - 1))));
            }
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** A platform setting kept in the table; {@code candidate} is stored when there is none yet. */
    public String settingOrCreate(String name, String candidate) {
        var key = Attr.key("CONFIG#" + name, "CONFIG");
        try {
            var item = new HashMap<>(key);
            item.put("value", Attr.s(candidate));
            aws.dynamo().putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return candidate;
        } catch (ConditionalCheckFailedException e) {
            return Attr.str(aws.dynamo().getItem(b -> b.tableName(table).key(key).consistentRead(true)).item(), "value");
        }
    }
}
