package dev.luna.tasks.store;

import dev.luna.core.Json;
import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import dev.luna.store.Keyset;
import dev.luna.realtime.LiveEventBus;
import dev.luna.tasks.Task;
import dev.luna.tasks.TaskProgressEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Tasks in the {@code tasks} table: one item per task ({@code pk = TASK#<id>, sk = TASK}; the task JSON in {@code doc},
 * {@code status} and {@code revision} as attributes for conditions). Index {@code gsi1} lists a project's tasks newest
 * first ({@code P#<project>}, {@code <createdAt>#<id>}); the sparse index {@code gsi2} holds only tasks in a state
 * someone looks for: queued per queue ({@code Q#<priority>}, by queue time: the oldest waiting task), running
 * ({@code RUNNING}, by start: stuck tasks) and dead-lettered per project ({@code DEAD#<project>}). Every state change
 * is a conditional write on {@code revision}; what must happen with a change — its webhook outbox entry, giving back
 * its agent slot, a handler's staged effects — commits in the same transaction.
 */
public final class TaskStore {
    private static final Set<String> PROJECT_INDEX_KEY = Set.of("pk", "sk", "gsi1pk", "gsi1sk");
    private static final Set<String> STATE_INDEX_KEY = Set.of("pk", "sk", "gsi2pk", "gsi2sk");
    private final AwsClients aws;
    private final String table;
    private final AgentSlots slots;
    private final WebhookOutbox outbox;

    public TaskStore(AwsClients aws, AgentSlots slots, WebhookOutbox outbox) {
        this.aws = aws;
        this.table = aws.config().tableName("tasks");
        this.slots = slots;
        this.outbox = outbox;
    }

    public record Page<T>(List<T> items, Map<String, AttributeValue> lastKey) {
    }

    /** Stores a new task; false when the id exists already. A finished one (a cache hit) gets its webhook outbox entry too. */
    public boolean create(Task task) {
        var owed = outbox.entryFor(task);
        try {
            if (owed != null) {
                aws.dynamo().transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(Put.builder().tableName(table)
                        .item(item(task)).conditionExpression("attribute_not_exists(pk)").build()).build(), owed));
            } else {
                aws.dynamo().putItem(b -> b.tableName(table).item(item(task)).conditionExpression("attribute_not_exists(pk)"));
            }
            dev.luna.tasks.TaskMetrics.submitted(task);
            changed(task);
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (TransactionCanceledException e) {
            if (firstFailedCondition(e)) return false;
            throw e;
        }
    }

    public Optional<Task> get(String id) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key(TaskKeys.pk(id), TaskKeys.TASK_SK)).consistentRead(true)).item();
        if (item == null || item.isEmpty() || !item.containsKey("doc")) return Optional.empty();
        return Optional.of(Json.readTrusted(Attr.str(item, "doc"), Task.class));
    }

    public boolean replace(Task next) {
        return replace(next, List.of());
    }

    /**
     * Replaces the task if nobody changed it since revision {@code next.revision() - 1}; false otherwise.
     * {@code effects} (a handler's staged writes) commit in the same transaction, and so does giving back the task's
     * slot of its agent's concurrency when a task that ran is no longer running.
     */
    public boolean replace(Task next, List<TransactWriteItem> effects) {
        var put = conditionalPut(next); // the task's JSON, serialised once
        var writes = new ArrayList<TransactWriteItem>();
        writes.add(TransactWriteItem.builder().put(put).build());
        if (effects != null) writes.addAll(effects);
        writes.add(slots.releaseIfDone(next));
        writes.add(outbox.entryFor(next));
        writes.removeIf(Objects::isNull);
        for (int attempt = 1; ; attempt++) {
            try {
                if (writes.size() == 1) aws.dynamo().putItem(putRequest(put));
                else aws.dynamo().transactWriteItems(b -> b.transactItems(writes));
                changed(next);
                return true;
            } catch (ConditionalCheckFailedException e) {
                return false;
            } catch (TransactionCanceledException e) {
                if (firstFailedCondition(e)) return false;
                if (!conflicted(e, attempt)) throw e;
            }
        }
    }

    /** What a claim came to: the task is ours, somebody else changed it first, or its agent runs all it may. */
    public enum Claim { CLAIMED, STALE, AGENT_BUSY }

    /**
     * Writes {@code running} (a claim) if nobody changed the task since it was read and, when the task's agent has a
     * concurrency quota, takes one of the agent's slots in the same transaction ({@link AgentSlots}).
     */
    public Claim claim(Task running) {
        if (!AgentSlots.limits(running)) return replace(running) ? Claim.CLAIMED : Claim.STALE;
        var slot = slots.take(running);
        for (int attempt = 1; ; attempt++) {
            try {
                aws.dynamo().transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(conditionalPut(running)).build(), slot));
                changed(running);
                return Claim.CLAIMED;
            } catch (TransactionCanceledException e) {
                var reasons = e.cancellationReasons();
                if (firstFailedCondition(e)) return Claim.STALE;
                if (reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code())) return Claim.AGENT_BUSY;
                if (!conflicted(e, attempt)) throw e;
            }
        }
    }

    /** Tells the live subscribers of this data store (a local runtime's WebSocket and SSE clients) about a stored change. */
    private void changed(Task task) {
        var live = LiveEventBus.of(aws.config());
        if (!live.delivers()) return; // in Lambda: the tasks table's stream feeds the WebSocket fan-out instead
        TaskProgressEvents.publish(live, task);
        dev.luna.tasks.TaskNotifications.publish(live, task);
    }

    /** One page of a project's tasks, newest first, created within [from, to] when given. */
    public Page<Task> page(String projectId, Instant from, Instant to, Map<String, AttributeValue> startKey, int limit) {
        var req = projectQuery(projectId, from, to).limit(limit);
        if (startKey != null) req.exclusiveStartKey(startKey);
        return tasks(aws.dynamo().query(req.build()));
    }

    /**
     * A page of a project's tasks that {@code keep} accepts, newest first, created within [from, to] when given,
     * from a {@code links.next} or {@code links.prev} cursor of this list.
     */
    public Keyset.Page<Task> list(String projectId, Instant from, Instant to, String cursor, int limit, Predicate<Task> keep) {
        var keys = new Keyset.Keys(PROJECT_INDEX_KEY, "gsi1pk", TaskKeys.projectPartition(projectId));
        return Keyset.page(aws.dynamo(), projectQuery(projectId, from, to).limit(50).build(), keys, cursor, limit, row -> {
            var task = task(row);
            return keep.test(task) ? task : null;
        });
    }

    private QueryRequest.Builder projectQuery(String projectId, Instant from, Instant to) {
        var values = new HashMap<String, AttributeValue>();
        values.put(":p", Attr.s(TaskKeys.projectPartition(projectId)));
        String condition = "gsi1pk = :p";
        if (from != null || to != null) {
            condition += " AND gsi1sk BETWEEN :from AND :to";
            values.put(":from", Attr.s(from == null ? "0" : TaskKeys.sortable(from)));
            values.put(":to", Attr.s(to == null ? "9" : TaskKeys.sortable(to) + "~"));
        }
        return QueryRequest.builder().tableName(table).indexName("gsi1").keyConditionExpression(condition)
                .expressionAttributeValues(values).scanIndexForward(false);
    }

    /** One page of the state index {@code gsi2} for {@code partition}, oldest first. */
    public Page<Task> state(String partition, Map<String, AttributeValue> startKey, int limit) {
        var req = stateQuery(partition).limit(limit);
        if (startKey != null) req.exclusiveStartKey(startKey);
        return tasks(aws.dynamo().query(req.build()));
    }

    /** A page of the state index {@code gsi2} for {@code partition}, oldest first, from a cursor of this list. */
    public Keyset.Page<Task> stateList(String partition, String cursor, int limit) {
        var keys = new Keyset.Keys(STATE_INDEX_KEY, "gsi2pk", partition);
        return Keyset.page(aws.dynamo(), stateQuery(partition).build(), keys, cursor, limit, TaskStore::task);
    }

    private QueryRequest.Builder stateQuery(String partition) {
        return QueryRequest.builder().tableName(table).indexName("gsi2").keyConditionExpression("gsi2pk = :p")
                .expressionAttributeValues(Map.of(":p", Attr.s(partition)));
    }


    private static Task task(Map<String, AttributeValue> item) {
        return Json.readTrusted(Attr.str(item, "doc"), Task.class);
    }

    private static Page<Task> tasks(QueryResponse resp) {
        return new Page<>(resp.items().stream().map(TaskStore::task).toList(),
                resp.hasLastEvaluatedKey() && !resp.lastEvaluatedKey().isEmpty() ? resp.lastEvaluatedKey() : null);
    }

    private Put conditionalPut(Task next) {
        return Put.builder().tableName(table).item(item(next)).conditionExpression("#rev = :expected")
                .expressionAttributeNames(Map.of("#rev", "revision")).expressionAttributeValues(Map.of(":expected", Attr.n(next.revision() - 1)))
                .build();
    }

    private static PutItemRequest putRequest(Put put) {
        return PutItemRequest.builder().tableName(put.tableName()).item(put.item()).conditionExpression(put.conditionExpression())
                .expressionAttributeNames(put.expressionAttributeNames()).expressionAttributeValues(put.expressionAttributeValues()).build();
    }

    private static Map<String, AttributeValue> item(Task t) {
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", Attr.s(TaskKeys.pk(t.id())));
        item.put("sk", Attr.s(TaskKeys.TASK_SK));
        item.put("doc", Attr.s(Json.write(t)));
        item.put("status", Attr.s(t.status().wire()));
        item.put("revision", Attr.n(t.revision()));
        item.put("gsi1pk", Attr.s(TaskKeys.projectPartition(t.projectId())));
        item.put("gsi1sk", Attr.s(TaskKeys.sortable(t.createdAt()) + "#" + t.id()));
        String statePk = switch (t.status()) {
            case PENDING, QUEUED -> TaskKeys.queuedPartition(t.priority());
            case RUNNING -> TaskKeys.RUNNING_PARTITION;
            case DEAD_LETTERED -> TaskKeys.deadPartition(t.projectId());
            default -> null;
        };
        if (statePk != null) {
            Instant at = switch (t.status()) {
                case PENDING, QUEUED -> t.queuedAt();
                case RUNNING -> t.startedAt();
                default -> t.completedAt();
            };
            item.put("gsi2pk", Attr.s(statePk));
            item.put("gsi2sk", Attr.s(TaskKeys.sortable(at == null ? t.updatedAt() : at) + "#" + t.id()));
        }
        return item;
    }

    private static boolean firstFailedCondition(TransactionCanceledException e) {
        var reasons = e.cancellationReasons();
        return !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code());
    }

    /**
     * True (after a short, jittered pause) when a transaction lost to a concurrent one on the same item — the agent's
     * slot item is shared by its tasks — and may simply run again; false after five tries.
     */
    private static boolean conflicted(TransactionCanceledException e, int attempt) {
        boolean conflict = e.cancellationReasons().stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
        if (!conflict || attempt >= 5) return false;
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(2, 10L << attempt));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }
}
