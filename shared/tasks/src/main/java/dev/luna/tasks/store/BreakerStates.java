package dev.luna.tasks.store;

import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The circuit breaker of each task type as one item of the {@code tasks} table ({@code CIRCUIT#<type>}, {@code STATE}):
 * its JSON document and a revision, written conditionally so concurrent workers never lose an update.
 */
public final class BreakerStates {
    private final AwsClients aws;
    private final String table;

    public BreakerStates(AwsClients aws) {
        this.aws = aws;
        this.table = aws.config().tableName("tasks");
    }

    /** The stored document of the type's breaker, if any. */
    public Optional<String> read(String type) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key("CIRCUIT#" + type, "STATE")).consistentRead(true)).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.ofNullable(Attr.str(item, "doc"));
    }

    /** Stores a breaker document if its revision is still {@code revision - 1} (0 = absent); false when another writer won. */
    public boolean write(String type, long revision, String doc) {
        var item = Map.of("pk", Attr.s("CIRCUIT#" + type), "sk", Attr.s("STATE"), "doc", Attr.s(doc), "revision", Attr.n(revision));
        try {
            if (revision == 1) {
                aws.dynamo().putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            } else {
                aws.dynamo().putItem(b -> b.tableName(table).item(item).conditionExpression("#rev = :expected")
                        .expressionAttributeNames(Map.of("#rev", "revision"))
                        .expressionAttributeValues(Map.of(":expected", Attr.n(revision - 1))));
            }
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
