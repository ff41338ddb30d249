package dev.luna.functions.realtime;

import dev.luna.core.Json;
import dev.luna.realtime.LiveEvent;
import dev.luna.realtime.LiveEventKind;
import dev.luna.realtime.LiveEvents;
import dev.luna.realtime.LiveFilter;
import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import tools.jackson.databind.JsonNode;

/**
 * Table {@code realtime-events}: the live events of each project in AWS, numbered by an atomic counter per project
 * ({@code pk = SEQ#<project>}) and kept ({@code pk = P#<project>, sk = <sequence, zero-padded>}) for
 * {@link LiveEvents#MIN_HISTORY} and more (TTL: 15 minutes), so a client reconnecting to the WebSocket API resumes
 * with {@code since} like a local one.
 */
public final class EventLog {
    static final java.time.Duration KEEP = java.time.Duration.ofMinutes(15);
    private final AwsClients aws;
    private final String table;
    private final Clock clock;

    public EventLog(AwsClients aws, Clock clock) {
        this.aws = aws;
        this.table = aws.config().tableName("realtime-events");
        this.clock = clock;
    }

    /** Numbers and stores an event. */
    public LiveEvent append(String projectId, LiveEventKind kind, String subject, JsonNode data) {
        var updated = aws.dynamo().updateItem(b -> b.tableName(table).key(Attr.key("SEQ#" + projectId, "SEQ"))
                .updateExpression("ADD #seq :one").expressionAttributeNames(Map.of("#seq", "seq"))
                .expressionAttributeValues(Map.of(":one", Attr.n(1))).returnValues(ReturnValue.UPDATED_NEW)).attributes();
        long seq = Long.parseLong(updated.get("seq").n());
        Instant now = clock.instant();
        var event = new LiveEvent(projectId, seq, kind, subject, now, data);
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", Attr.s("P#" + projectId));
        item.put("sk", Attr.s(sortable(seq)));
        item.put("doc", Attr.s(event.toJson()));
        item.put("expiresAt", Attr.n(now.plus(KEEP).getEpochSecond()));
        aws.dynamo().putItem(b -> b.tableName(table).item(item));
        return event;
    }

    /** The retained events of {@code filter}'s project after {@code since} that match it, in order. */
    public List<LiveEvent> since(LiveFilter filter, long since) {
        var out = new ArrayList<LiveEvent>();
        var req = QueryRequest.builder().tableName(table).keyConditionExpression("pk = :p AND sk > :s")
                .expressionAttributeValues(Map.of(":p", Attr.s("P#" + filter.projectId()), ":s", Attr.s(sortable(since)))).build();
        while (true) {
            var resp = aws.dynamo().query(req);
            for (var item : resp.items()) {
                var event = read(Json.tree(Attr.str(item, "doc")));
                if (filter.matches(event)) out.add(event);
            }
            if (!resp.hasLastEvaluatedKey() || resp.lastEvaluatedKey().isEmpty()) return out;
            req = req.toBuilder().exclusiveStartKey(resp.lastEvaluatedKey()).build();
        }
    }

    /** The last sequence number of a project (0 before its first event). */
    public long lastSequence(String projectId) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key("SEQ#" + projectId, "SEQ")).consistentRead(true)).item();
        return item == null || item.isEmpty() ? 0 : Attr.num(item, "seq", 0);
    }

    /** The sequence of the oldest event still stored for a project (0 when none). */
    public long oldestRetained(String projectId) {
        var resp = aws.dynamo().query(b -> b.tableName(table).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", Attr.s("P#" + projectId))).limit(1).consistentRead(true));
        return resp.items().isEmpty() ? 0 : Long.parseLong(Attr.str(resp.items().getFirst(), "sk"));
    }

    static LiveEvent read(JsonNode wire) {
        return new LiveEvent(wire.path("projectId").asString(), wire.path("seq").asLong(),
                LiveEventKind.fromWire(wire.path("type").asString()), wire.path("subject").isString() ? wire.path("subject").asString() : null,
                Instant.parse(wire.path("at").asString()), wire.path("data"));
    }

    private static String sortable(long seq) {
        return String.format("%019d", Math.max(0, seq));
    }
}
