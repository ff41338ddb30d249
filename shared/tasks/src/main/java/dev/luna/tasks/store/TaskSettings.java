package dev.luna.tasks.store;

import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import java.util.HashMap;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Settings the task platform generates once and keeps in the {@code tasks} table ({@code CONFIG#<name>}), e.g. the webhook secret. */
public final class TaskSettings {
    private final AwsClients aws;
    private final String table;

    public TaskSettings(AwsClients aws) {
        this.aws = aws;
        this.table = aws.config().tableName("tasks");
    }

    /** The stored value; {@code candidate} is stored (and returned) when there is none yet, whoever asks first. */
    public String getOrCreate(String name, String candidate) {
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
