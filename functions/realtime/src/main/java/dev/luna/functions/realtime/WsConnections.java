package dev.luna.functions.realtime;

import dev.luna.core.Json;
import dev.luna.core.Principal;
import dev.luna.realtime.LiveEventKind;
import dev.luna.realtime.LiveFilter;
import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Table {@code ws-connections}: the clients of the API Gateway WebSocket API. One item per connection
 * ({@code pk = CONN#<id>, sk = CONN}: the caller, as authenticated at {@code $connect}) and one per subscription
 * ({@code sk = SUB#<subscription>}: its filter), the latter indexed by project ({@code gsi1pk = P#<project>}) for the
 * fan-out. Items expire a day after the connection opened (API Gateway closes connections after 2 hours).
 */
public final class WsConnections {
    static final Duration KEEP = Duration.ofDays(1);
    private final AwsClients aws;
    private final String table;

    public WsConnections(AwsClients aws) {
        this.aws = aws;
        this.table = aws.config().tableName("ws-connections");
    }

    /** A subscription; {@code graphql} is set for a {@code graphql-transport-ws} one (null: the live protocol). */
    public record Subscription(String connectionId, String id, LiveFilter filter, GraphqlSubscription graphql) {
        public Subscription(String connectionId, String id, LiveFilter filter) {
            this(connectionId, id, filter, null);
        }
    }

    /** An open connection: its subprotocol and its caller (null until a {@code graphql-transport-ws} client's {@code connection_init}). */
    public record Connection(String protocol, Principal caller, boolean initialised) {
    }

    public void open(String connectionId, Principal caller, Instant now) {
        open(connectionId, caller, Frames.PROTOCOL, now);
    }

    public void open(String connectionId, Principal caller, String protocol, Instant now) {
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", Attr.s(pk(connectionId)));
        item.put("sk", Attr.s("CONN"));
        item.put("protocol", Attr.s(protocol));
        item.put("connectedAt", Attr.s(now.toString()));
        item.put("expiresAt", Attr.n(now.plus(KEEP).getEpochSecond()));
        if (caller != null) item.put("principal", Attr.s(principal(caller)));
        aws.dynamo().putItem(b -> b.tableName(table).item(item));
    }

    /**
     * Records a {@code graphql-transport-ws} connection's {@code connection_init} and its caller; false when the
     * connection is gone or was already initialised.
     */
    public boolean initialise(String connectionId, Principal caller) {
        try {
            aws.dynamo().updateItem(b -> b.tableName(table).key(Attr.key(pk(connectionId), "CONN"))
                    .updateExpression("SET #who = :p, initialisedAt = :t")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(initialisedAt)")
                    .expressionAttributeNames(Map.of("#who", "principal"))
                    .expressionAttributeValues(Map.of(":p", Attr.s(principal(caller)), ":t", Attr.s(Instant.now().toString()))));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The subprotocol and caller of an open connection, if it is still known. */
    public Optional<Connection> connection(String connectionId) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key(pk(connectionId), "CONN")).consistentRead(true)).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        String protocol = Attr.str(item, "protocol");
        String who = Attr.str(item, "principal");
        return Optional.of(new Connection(protocol == null ? Frames.PROTOCOL : protocol, who == null ? null : Json.readTrusted(who, Principal.class),
                item.containsKey("initialisedAt")));
    }

    private static String principal(Principal caller) {
        var who = new java.util.LinkedHashMap<String, Object>();
        who.put("id", caller.id());
        who.put("kind", caller.kind());
        who.put("credentialId", caller.credentialId());
        who.put("scopes", caller.scopes());
        who.put("projectId", caller.projectId());
        who.put("projectRoles", caller.projectRoles());
        who.put("rateLimitPerMinute", caller.rateLimitPerMinute());
        return Json.write(who);
    }

    /** The caller of an open connection, if it is still known and authenticated. */
    public Optional<Principal> caller(String connectionId) {
        return connection(connectionId).map(Connection::caller);
    }

    public List<Subscription> subscriptions(String connectionId) {
        var out = new ArrayList<Subscription>();
        for (var item : query(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :p AND begins_with(sk, :s)")
                .expressionAttributeValues(Map.of(":p", Attr.s(pk(connectionId)), ":s", Attr.s("SUB#"))).build())) {
            out.add(subscription(item));
        }
        return out;
    }

    public void subscribe(String connectionId, String id, LiveFilter filter, Instant now) {
        subscribe(connectionId, id, filter, null, now);
    }

    public void subscribe(String connectionId, String id, LiveFilter filter, GraphqlSubscription graphql, Instant now) {
        var item = new HashMap<String, AttributeValue>();
        if (graphql != null) item.put("graphql", Attr.s(graphql.toJson()));
        item.put("pk", Attr.s(pk(connectionId)));
        item.put("sk", Attr.s("SUB#" + id));
        item.put("gsi1pk", Attr.s("P#" + filter.projectId()));
        item.put("gsi1sk", Attr.s(connectionId + "#" + id));
        item.put("connectionId", Attr.s(connectionId));
        item.put("subscription", Attr.s(id));
        item.put("projectId", Attr.s(filter.projectId()));
        item.put("kinds", Attr.s(String.join(",", filter.kinds().stream().map(LiveEventKind::wire).sorted().toList())));
        if (filter.subject() != null) item.put("subject", Attr.s(filter.subject()));
        item.put("expiresAt", Attr.n(now.plus(KEEP).getEpochSecond()));
        aws.dynamo().putItem(b -> b.tableName(table).item(item));
    }

    /** Removes one subscription; false when there was none. */
    public boolean unsubscribe(String connectionId, String id) {
        var old = aws.dynamo().deleteItem(b -> b.tableName(table).key(Attr.key(pk(connectionId), "SUB#" + id))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_OLD)).attributes();
        return old != null && !old.isEmpty();
    }

    /** Forgets a connection and its subscriptions ({@code $disconnect}, or 410 Gone on a post). */
    public void close(String connectionId) {
        for (var item : query(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", Attr.s(pk(connectionId)))).build())) {
            aws.dynamo().deleteItem(b -> b.tableName(table).key(Attr.key(Attr.str(item, "pk"), Attr.str(item, "sk"))));
        }
    }

    /** Every subscription to a project's events, across connections. */
    public List<Subscription> ofProject(String projectId) {
        var out = new ArrayList<Subscription>();
        for (var item : query(QueryRequest.builder().tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", Attr.s("P#" + projectId))).build())) {
            out.add(subscription(item));
        }
        return out;
    }

    private List<Map<String, AttributeValue>> query(QueryRequest first) {
        var items = new ArrayList<Map<String, AttributeValue>>();
        var req = first;
        while (true) {
            QueryResponse resp = aws.dynamo().query(req);
            items.addAll(resp.items());
            if (!resp.hasLastEvaluatedKey() || resp.lastEvaluatedKey().isEmpty()) return items;
            req = req.toBuilder().exclusiveStartKey(resp.lastEvaluatedKey()).build();
        }
    }

    private static Subscription subscription(Map<String, AttributeValue> item) {
        var kinds = EnumSet.noneOf(LiveEventKind.class);
        String k = Attr.str(item, "kinds");
        if (k != null && !k.isEmpty()) for (String w : k.split(",")) kinds.add(LiveEventKind.fromWire(w));
        String graphql = Attr.str(item, "graphql");
        return new Subscription(Attr.str(item, "connectionId"), Attr.str(item, "subscription"),
                new LiveFilter(Attr.str(item, "projectId"), kinds, Attr.str(item, "subject")),
                graphql == null ? null : GraphqlSubscription.fromJson(graphql));
    }

    private static String pk(String connectionId) {
        return "CONN#" + connectionId;
    }
}
