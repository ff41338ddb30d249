package dev.luna.tasks.store;

import dev.luna.core.Json;
import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import dev.luna.tasks.Task;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The webhook (and the device pushes of a followed task) of a task that ends is owed from the moment its end is written: an outbox entry
 * ({@code WEBHOOK#<task>}, {@code R<revision>}) commits with that write, is deleted once the delivery message is on
 * the webhook queue, and the health-check sends what is left (a crash between the two).
 */
public final class WebhookOutbox {
    static final String PARTITION = "OUTBOX#WEBHOOK";
    private final AwsClients aws;
    private final String table;

    public WebhookOutbox(AwsClients aws) {
        this.aws = aws;
        this.table = aws.config().tableName("tasks");
    }

    /**
     * A delivery owed: the task, the state and revision it is about; {@code webhook} (null counts as true, as in entries
     * written before pushes existed) when the task has a webhook URL, {@code push} when users follow it on their devices.
     */
    public record OwedWebhook(String taskId, String status, long revision, String type, Boolean webhook, Boolean push) {
        public static OwedWebhook of(Task t) {
            return new OwedWebhook(t.id(), t.status().wire(), t.revision(), t.type(), t.webhookUrl() != null, !t.followers().isEmpty());
        }

        /** Whether anything is owed for this state of a task: it ended, and it has a webhook URL or followers. */
        public static boolean owedFor(Task t) {
            return t.status().isTerminal() && (t.webhookUrl() != null || !t.followers().isEmpty());
        }
    }

    /** The outbox entry that must commit with {@code t}'s state, when that state is an end a webhook is owed for; else null. */
    TransactWriteItem entryFor(Task t) {
        if (!OwedWebhook.owedFor(t)) return null;
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", Attr.s("WEBHOOK#" + t.id()));
        item.put("sk", Attr.s("R" + t.revision()));
        item.put("gsi2pk", Attr.s(PARTITION));
        item.put("gsi2sk", Attr.s(TaskKeys.sortable(t.updatedAt()) + "#" + t.id()));
        item.put("doc", Attr.s(Json.write(OwedWebhook.of(t))));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    /** The delivery of {@code taskId} at {@code revision} is on its queue. */
    public void queued(String taskId, long revision) {
        aws.dynamo().deleteItem(b -> b.tableName(table).key(Attr.key("WEBHOOK#" + taskId, "R" + revision)));
    }

    /** Webhooks owed since before {@code before}, oldest first. */
    public List<OwedWebhook> owed(Instant before, int max) {
        var out = new ArrayList<OwedWebhook>();
        Map<String, AttributeValue> start = null;
        do {
            var startKey = start;
            var page = aws.dynamo().query(b -> b.tableName(table).indexName("gsi2")
                    .keyConditionExpression("gsi2pk = :p AND gsi2sk < :before")
                    .expressionAttributeValues(Map.of(":p", Attr.s(PARTITION), ":before", Attr.s(TaskKeys.sortable(before))))
                    .exclusiveStartKey(startKey).limit(Math.min(100, max)));
            for (var item : page.items()) out.add(Json.readTrusted(Attr.str(item, "doc"), OwedWebhook.class));
            start = page.lastEvaluatedKey() == null || page.lastEvaluatedKey().isEmpty() ? null : page.lastEvaluatedKey();
        } while (start != null && out.size() < max);
        return out;
    }
}
