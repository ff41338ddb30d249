package dev.luna.tasks.store;

import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import dev.luna.tasks.Priority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Table {@code task-events}: one item per finished attempt, per queue, for queue statistics (kept 7 days). */
public final class AttemptLog {
    private final AwsClients aws;
    private final String table;

    public AttemptLog(AwsClients aws) {
        this.aws = aws;
        this.table = aws.config().tableName("task-events");
    }

    /** One finished attempt, as queue statistics count it. */
    public record AttemptEvent(String taskId, Priority priority, String type, String outcome, long waitMs, long runMs, Instant at) {
    }

    public void record(AttemptEvent e, int attempt) {
        aws.dynamo().putItem(b -> b.tableName(table).item(item(e, attempt)));
    }

    /** The attempt record as a write of the transaction that records the attempt's outcome. */
    public TransactWriteItem write(AttemptEvent e, int attempt) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(e, attempt)).build()).build();
    }

    private static Map<String, AttributeValue> item(AttemptEvent e, int attempt) {
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
    public List<AttemptEvent> since(Priority priority, Instant from, int max) {
        var out = new ArrayList<AttemptEvent>();
        Map<String, AttributeValue> start = null;
        do {
            var req = QueryRequest.builder().tableName(table).keyConditionExpression("pk = :p AND sk >= :from")
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
}
