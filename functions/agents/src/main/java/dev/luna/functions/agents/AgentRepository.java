package dev.luna.functions.agents;

import dev.luna.core.Json;
import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import dev.luna.store.Keyset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Agents in DynamoDB (table {@code agents}). One item collection per agent: {@code HEAD} holds the current record
 * (JSON in {@code doc}, with {@code status} and {@code revision} as attributes for conditions, and the last
 * heartbeat in {@code hb}); {@code V#000001}… hold the immutable version records. Active heads carry
 * {@code gsi1pk = AGENTS#<project>} and {@code gsi1sk = <lower-case name>#<id>}, so the sparse index {@code gsi1}
 * lists active agents by name; deactivating removes them from it.
 */
final class AgentRepository {
    static final String HEAD = "HEAD";
    private static final Set<String> INDEX_KEY = Set.of("pk", "sk", "gsi1pk", "gsi1sk");
    private static final Set<String> TABLE_KEY = Set.of("pk", "sk");
    private final AwsClients aws;
    private final String table;

    AgentRepository(AwsClients aws) {
        this.aws = aws;
        this.table = aws.config().tableName("agents");
    }

    /** The live events of this data store: agent health changes are published there. */
    dev.luna.realtime.LiveEvents live() {
        return dev.luna.realtime.LiveEventBus.of(aws.config());
    }

    /** A head item: the agent, its last heartbeat, and the health verdict persisted on it (null before the first). */
    record Stored(Agent agent, Heartbeat heartbeat, String persistedHealth) {
        Stored(Agent agent, Heartbeat heartbeat) {
            this(agent, heartbeat, null);
        }
    }

    record Page<T>(List<T> items, Map<String, AttributeValue> lastKey) {
    }

    static String partition(String projectId) {
        return "AGENTS#" + projectId;
    }

    void create(Agent agent, AgentVersion first, AgentHealth health) {
        var head = new HashMap<>(headAttributes(agent));
        head.putAll(healthAttributes(health, agent.createdAt()));
        head.put("pk", Attr.s(pk(agent.id())));
        head.put("sk", Attr.s(HEAD));
        aws.dynamo().transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(head)
                        .conditionExpression("attribute_not_exists(pk)").build()).build(),
                versionPut(first)));
    }

    Optional<Stored> find(String id) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key(pk(id), HEAD))).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(stored(item));
    }

    /**
     * Replaces the head if its revision is still {@code expectedRevision}, adding {@code version} (when not null)
     * in the same transaction, with the agent's {@code health} as evaluated for the new head ({@code changedAt}: when
     * its verdict changed, null when it is the one persisted), so the agents table's stream carries the verdict with
     * the change. Returns false when someone else changed the agent first.
     */
    boolean replace(Agent agent, long expectedRevision, AgentVersion version, AgentHealth health, java.time.Instant changedAt) {
        var attrs = new HashMap<>(headAttributes(agent));
        if (health != null) {
            attrs.putAll(healthAttributes(health, changedAt));
        }
        var names = new HashMap<String, String>();
        var values = new HashMap<String, AttributeValue>();
        var set = new ArrayList<String>();
        int i = 0;
        for (var e : attrs.entrySet()) {
            names.put("#a" + i, e.getKey());
            values.put(":a" + i, e.getValue());
            set.add("#a" + i + " = :a" + i);
            i++;
        }
        String expression = "SET " + String.join(", ", set);
        if (!attrs.containsKey("gsi1pk")) expression += " REMOVE gsi1pk, gsi1sk";
        names.put("#rev", "revision");
        values.put(":expected", Attr.n(expectedRevision));
        var update = Update.builder().tableName(table).key(Attr.key(pk(agent.id()), HEAD)).updateExpression(expression)
                .conditionExpression("#rev = :expected").expressionAttributeNames(names).expressionAttributeValues(values).build();
        try {
            if (version == null) {
                aws.dynamo().updateItem(b -> b.tableName(table).key(update.key()).updateExpression(update.updateExpression())
                        .conditionExpression(update.conditionExpression()).expressionAttributeNames(names)
                        .expressionAttributeValues(values));
            } else {
                aws.dynamo().transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().update(update).build(),
                        versionPut(version)));
            }
            return true;
        } catch (ConditionalCheckFailedException | TransactionCanceledException e) {
            return false;
        }
    }

    /** Stores a heartbeat on an agent that exists and is not deactivated; false otherwise. */
    boolean heartbeat(String id, Heartbeat heartbeat) {
        try {
            aws.dynamo().updateItem(b -> b.tableName(table).key(Attr.key(pk(id), HEAD))
                    .updateExpression("SET hb = :hb")
                    .conditionExpression("attribute_exists(pk) AND #st <> :deactivated")
                    .expressionAttributeNames(Map.of("#st", "status"))
                    .expressionAttributeValues(Map.of(":hb", Attr.s(Json.write(heartbeat)),
                            ":deactivated", Attr.s(AgentStatus.DEACTIVATED.wire()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** One page of active agents of a project, ordered by name, optionally restricted to a name prefix. */
    Page<Stored> page(String projectId, String namePrefix, Map<String, AttributeValue> startKey, int limit) {
        var req = projectQuery(projectId, namePrefix).limit(limit);
        if (startKey != null) req.exclusiveStartKey(startKey);
        var resp = aws.dynamo().query(req.build());
        return new Page<>(resp.items().stream().map(AgentRepository::stored).toList(),
                resp.hasLastEvaluatedKey() && !resp.lastEvaluatedKey().isEmpty() ? resp.lastEvaluatedKey() : null);
    }

    /**
     * A page of a project's agents ordered by name (optionally with a name prefix) as {@code read} turns them into
     * items (null: left out), from a {@code links.next} or {@code links.prev} cursor of this list.
     */
    <T> Keyset.Page<T> list(String projectId, String namePrefix, String cursor, int limit, Function<Stored, T> read) {
        var keys = new Keyset.Keys(INDEX_KEY, "gsi1pk", partition(projectId));
        return Keyset.page(aws.dynamo(), projectQuery(projectId, namePrefix).limit(25).build(), keys, cursor, limit,
                row -> read.apply(stored(row)));
    }

    private QueryRequest.Builder projectQuery(String projectId, String namePrefix) {
        var values = new HashMap<String, AttributeValue>();
        values.put(":p", Attr.s(partition(projectId)));
        String condition = "gsi1pk = :p";
        if (namePrefix != null) {
            condition += " AND begins_with(gsi1sk, :prefix)";
            values.put(":prefix", Attr.s(namePrefix.toLowerCase(Locale.ROOT)));
        }
        return QueryRequest.builder().tableName(table).indexName("gsi1").keyConditionExpression(condition)
                .expressionAttributeValues(values);
    }

    /** One page of the heads of agents that are not deactivated, across projects (for the health sweep). */
    Page<Stored> scanActiveHeads(Map<String, AttributeValue> startKey) {
        var req = software.amazon.awssdk.services.dynamodb.model.ScanRequest.builder().tableName(table)
                .filterExpression("sk = :head AND #st <> :deactivated")
                .expressionAttributeNames(Map.of("#st", "status"))
                .expressionAttributeValues(Map.of(":head", Attr.s(HEAD), ":deactivated", Attr.s(AgentStatus.DEACTIVATED.wire())))
                .limit(500);
        if (startKey != null) req.exclusiveStartKey(startKey);
        var resp = aws.dynamo().scan(req.build());
        return new Page<>(resp.items().stream().map(AgentRepository::stored).toList(),
                resp.hasLastEvaluatedKey() && !resp.lastEvaluatedKey().isEmpty() ? resp.lastEvaluatedKey() : null);
    }

    /**
     * Persists a changed health verdict ({@code health}, {@code healthReason}, {@code healthChangedAt} and the whole
     * evaluation in {@code healthDoc}) if the verdict persisted is still {@code previous} (null: none yet); false when
     * the agent no longer exists or someone recorded another verdict first.
     */
    boolean recordHealth(String id, AgentHealth health, String previous, java.time.Instant at) {
        var values = new HashMap<String, AttributeValue>();
        var set = new ArrayList<String>();
        healthAttributes(health, at).forEach((k, v) -> {
            set.add(k + " = :" + k);
            values.put(":" + k, v);
        });
        String condition = "attribute_exists(pk) AND " + (previous == null ? "attribute_not_exists(health)" : "health = :previous");
        if (previous != null) values.put(":previous", Attr.s(previous));
        try {
            aws.dynamo().updateItem(b -> b.tableName(table).key(Attr.key(pk(id), HEAD))
                    .updateExpression("SET " + String.join(", ", set)).conditionExpression(condition)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The attributes of a health verdict on the head item (read by alarms and by the agents stream's fan-out). */
    private static Map<String, AttributeValue> healthAttributes(AgentHealth health, java.time.Instant changedAt) {
        var attrs = new HashMap<String, AttributeValue>();
        attrs.put("health", Attr.s(health.status().wire()));
        attrs.put("healthReason", Attr.s(health.reason() == null ? "" : health.reason()));
        attrs.put("healthDoc", Attr.s(Json.write(health)));
        if (changedAt != null) attrs.put("healthChangedAt", Attr.s(changedAt.toString()));
        return attrs;
    }

    Page<AgentVersion> versions(String id, Map<String, AttributeValue> startKey, int limit, boolean newestFirst) {
        var req = versionsQuery(id).scanIndexForward(!newestFirst).limit(limit);
        if (startKey != null) req.exclusiveStartKey(startKey);
        var resp = aws.dynamo().query(req.build());
        return new Page<>(resp.items().stream().map(AgentRepository::version).toList(),
                resp.hasLastEvaluatedKey() && !resp.lastEvaluatedKey().isEmpty() ? resp.lastEvaluatedKey() : null);
    }

    /** A page of an agent's versions, newest first, from a {@code links.next} or {@code links.prev} cursor. */
    Keyset.Page<AgentVersion> versions(String id, String cursor, int limit) {
        var keys = new Keyset.Keys(TABLE_KEY, "pk", pk(id));
        return Keyset.page(aws.dynamo(), versionsQuery(id).scanIndexForward(false).build(), keys, cursor, limit, AgentRepository::version);
    }

    private QueryRequest.Builder versionsQuery(String id) {
        return QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :v)")
                .expressionAttributeValues(Map.of(":pk", Attr.s(pk(id)), ":v", Attr.s("V#")));
    }

    private static AgentVersion version(Map<String, AttributeValue> item) {
        return Json.readTrusted(Attr.str(item, "doc"), AgentVersion.class);
    }

    Optional<AgentVersion> version(String id, int number) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key(pk(id), versionKey(number)))).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(Json.readTrusted(Attr.str(item, "doc"), AgentVersion.class));
    }

    static String pk(String id) {
        return "AGENT#" + id;
    }

    static String versionKey(int number) {
        return String.format(Locale.ROOT, "V#%06d", number);
    }

    private TransactWriteItem versionPut(AgentVersion v) {
        var item = Map.of("pk", Attr.s(pk(v.agentId())), "sk", Attr.s(versionKey(v.versionNumber())),
                "doc", Attr.s(Json.write(v)));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private static String sortKey(Agent agent) {
        return agent.name().toLowerCase(Locale.ROOT) + "#" + agent.id();
    }

    private static Map<String, AttributeValue> headAttributes(Agent agent) {
        var attrs = new HashMap<String, AttributeValue>();
        attrs.put("status", Attr.s(agent.status().wire()));
        attrs.put("revision", Attr.n(agent.revision()));
        attrs.put("doc", Attr.s(Json.write(agent.withHealth(null).withQuotaUsage(null))));
        // read by the model gateway when it admits a call of the agent (AgentTokenQuota in shared/llm)
        attrs.put("projectId", Attr.s(agent.projectId()));
        var quota = agent.resourceQuota() == null ? ResourceQuota.DEFAULT : agent.resourceQuota().withDefaults();
        attrs.put("tokenLimitPerDay", Attr.n(quota.tokenLimitPerDay()));
        if (agent.status() != AgentStatus.DEACTIVATED) {
            attrs.put("gsi1pk", Attr.s(partition(agent.projectId())));
            attrs.put("gsi1sk", Attr.s(sortKey(agent)));
        }
        return attrs;
    }

    private static Stored stored(Map<String, AttributeValue> item) {
        var agent = Json.readTrusted(Attr.str(item, "doc"), Agent.class);
        String hb = Attr.str(item, "hb");
        return new Stored(agent, hb == null ? null : Json.readTrusted(hb, Heartbeat.class), Attr.str(item, "health"));
    }
}
