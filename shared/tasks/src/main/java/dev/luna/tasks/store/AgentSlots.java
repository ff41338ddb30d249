package dev.luna.tasks.store;

import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import dev.luna.tasks.Task;
import dev.luna.tasks.TaskStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * An agent's concurrency quota ({@code resourceQuota.maxConcurrentTasks}) as one item per agent in the {@code tasks}
 * table ({@code AGENT#<id>}, {@code SLOTS}) holding the ids of its running tasks: a claim joins it only while there are
 * fewer than the quota, and a task that stops running leaves it in the same transaction as its new state.
 */
public final class AgentSlots {
    private static final String SK = "SLOTS";
    private final AwsClients aws;
    private final String table;

    public AgentSlots(AwsClients aws) {
        this.aws = aws;
        this.table = aws.config().tableName("tasks");
    }

    static String pk(String agentId) {
        return "AGENT#" + agentId;
    }

    /** Whether {@code running}'s claim must take a slot (its agent has a quota). */
    static boolean limits(Task running) {
        return running.agentId() != null && running.agentConcurrency() != null;
    }

    /** The write that takes a slot for {@code running}, unless the agent's holders are full (its condition). */
    TransactWriteItem take(Task running) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(Attr.key(pk(running.agentId()), SK))
                .updateExpression("ADD #h :me")
                .conditionExpression("attribute_not_exists(#h) OR size(#h) < :max OR contains(#h, :id)")
                .expressionAttributeNames(Map.of("#h", "holders"))
                .expressionAttributeValues(Map.of(":me", AttributeValue.fromSs(List.of(running.id())), ":id", Attr.s(running.id()),
                        ":max", Attr.n(running.agentConcurrency())))
                .build()).build();
    }

    /** The write that gives back {@code next}'s slot, when it ran and no longer runs (else null). */
    TransactWriteItem releaseIfDone(Task next) {
        boolean holdsNone = next.agentId() != null && next.agentConcurrency() != null && next.startedAt() != null
                && next.status() != TaskStatus.RUNNING;
        if (!holdsNone) return null;
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(Attr.key(pk(next.agentId()), SK))
                .updateExpression("DELETE #h :me").expressionAttributeNames(Map.of("#h", "holders"))
                .expressionAttributeValues(Map.of(":me", AttributeValue.fromSs(List.of(next.id())))).build()).build();
    }

    /** The ids of the tasks holding a slot of the agent's concurrency. */
    public Set<String> holders(String agentId) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key(pk(agentId), SK)).consistentRead(true)).item();
        if (item == null || !item.containsKey("holders")) return Set.of();
        return new TreeSet<>(item.get("holders").ss());
    }

    /** Gives back a slot a task holds although it no longer runs (its worker died between writes). */
    public void release(String agentId, String taskId) {
        aws.dynamo().updateItem(b -> b.tableName(table).key(Attr.key(pk(agentId), SK)).updateExpression("DELETE #h :me")
                .expressionAttributeNames(Map.of("#h", "holders")).expressionAttributeValues(Map.of(":me", AttributeValue.fromSs(List.of(taskId)))));
    }
}
