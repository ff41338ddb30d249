package dev.luna.realtime.push;

import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Devices in the {@code devices} table: {@code pk = USER#<userId>}, {@code sk = DEVICE#<id>}; {@code gsi1} lists the
 * devices registered in a project ({@code gsi1pk = PROJECT#<projectId>}) for its budget alerts.
 */
public final class DeviceStore {
    public static final String TABLE = "devices";
    private final AwsClients aws;
    private final String table;

    public DeviceStore(AwsClients aws) {
        this.aws = aws;
        this.table = aws.config().tableName(TABLE);
    }

    public void put(Device d) {
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", Attr.s("USER#" + d.userId()));
        item.put("sk", Attr.s("DEVICE#" + d.id()));
        item.put("gsi1pk", Attr.s("PROJECT#" + d.projectId()));
        item.put("gsi1sk", Attr.s(d.userId() + "#" + d.id()));
        item.put("id", Attr.s(d.id()));
        item.put("userId", Attr.s(d.userId()));
        item.put("projectId", Attr.s(d.projectId()));
        item.put("token", Attr.s(d.expoPushToken()));
        item.put("platform", Attr.s(d.platform()));
        item.put("followTasks", Attr.bool(d.followTasks()));
        item.put("followBudgetAlerts", Attr.bool(d.followBudgetAlerts()));
        item.put("createdAt", Attr.s(d.createdAt().toString()));
        item.put("updatedAt", Attr.s(d.updatedAt().toString()));
        aws.dynamo().putItem(b -> b.tableName(table).item(item));
    }

    public Optional<Device> get(String userId, String id) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key("USER#" + userId, "DEVICE#" + id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(device(item));
    }

    /** The devices of a user, by id. */
    public List<Device> ofUser(String userId) {
        return query(QueryRequest.builder().tableName(table).consistentRead(true).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", Attr.s("USER#" + userId))));
    }

    /** The devices registered in a project. */
    public List<Device> ofProject(String projectId) {
        return query(QueryRequest.builder().tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", Attr.s("PROJECT#" + projectId))));
    }

    /** Forgets a device; false when it was not there. */
    public boolean delete(String userId, String id) {
        var old = aws.dynamo().deleteItem(b -> b.tableName(table).key(Attr.key("USER#" + userId, "DEVICE#" + id))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_OLD)).attributes();
        return old != null && !old.isEmpty();
    }

    private List<Device> query(QueryRequest.Builder req) {
        var out = new ArrayList<Device>();
        Map<String, AttributeValue> start = null;
        do {
            if (start != null) req.exclusiveStartKey(start);
            var resp = aws.dynamo().query(req.build());
            resp.items().forEach(i -> out.add(device(i)));
            start = resp.hasLastEvaluatedKey() && !resp.lastEvaluatedKey().isEmpty() ? resp.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private static Device device(Map<String, AttributeValue> i) {
        return new Device(Attr.str(i, "id"), Attr.str(i, "userId"), Attr.str(i, "projectId"), Attr.str(i, "token"),
                Attr.str(i, "platform"), bool(i, "followTasks"), bool(i, "followBudgetAlerts"),
                Instant.parse(Attr.str(i, "createdAt")), Instant.parse(Attr.str(i, "updatedAt")));
    }

    private static boolean bool(Map<String, AttributeValue> i, String name) {
        var v = i.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }
}
