package dev.luna.llm;

import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import dev.luna.store.Keyset;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Budgets and alerts in the {@code token-budgets} table (layout in {@link Accounting}). Budget writes are
 * conditional on the revision read, so concurrent updates never lose one another; alerts are created with
 * {@code attribute_not_exists}, so each threshold of each month is raised exactly once however many monitors run.
 */
public final class BudgetStore {
    private final AwsClients aws;
    private final String table;

    public BudgetStore(AwsClients aws) {
        this.aws = aws;
        this.table = aws.config().tableName(Accounting.BUDGETS_TABLE);
    }

    public Optional<Budget> get(BudgetScope scope) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key(Accounting.pk(scope), "CONFIG")).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(budget(item));
    }

    /** Stores {@code budget} if the stored revision is still {@code expectedRevision} (0 = none stored). */
    public boolean put(Budget budget, long expectedRevision) {
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", Attr.s(Accounting.pk(budget.scope())));
        item.put("sk", Attr.s("CONFIG"));
        item.put("gsi1pk", Attr.s("BUDGETS#" + budget.projectId()));
        item.put("gsi1sk", Attr.s(budget.scope().key()));
        item.put("projectId", Attr.s(budget.projectId()));
        if (budget.agentId() != null) item.put("agentId", Attr.s(budget.agentId()));
        item.put("limitUsd", Accounting.num(budget.monthlyLimitUsd()));
        item.put("thresholds", AttributeValue.fromL(budget.alertThresholds().stream().map(Accounting::num).toList()));
        item.put("hardStop", Attr.bool(budget.hardStop()));
        var n = budget.notification();
        if (n != null) {
            item.put("notifyType", Attr.s(n.type()));
            if (n.url() != null) item.put("notifyUrl", Attr.s(n.url()));
            if (n.email() != null) item.put("notifyEmail", Attr.s(n.email()));
            if (n.secret() != null) item.put("notifySecret", Attr.s(n.secret()));
        }
        item.put("revision", Attr.n(budget.revision()));
        item.put("createdAt", Attr.s(budget.createdAt().toString()));
        item.put("updatedAt", Attr.s(budget.updatedAt().toString()));
        if (budget.updatedBy() != null) item.put("updatedBy", Attr.s(budget.updatedBy()));
        try {
            if (expectedRevision == 0) {
                aws.dynamo().putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            } else {
                aws.dynamo().putItem(b -> b.tableName(table).item(item).conditionExpression("revision = :r")
                        .expressionAttributeValues(Map.of(":r", Attr.n(expectedRevision))));
            }
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The budgets of a project (its own and its agents'). */
    public List<Budget> list(String projectId) {
        var out = new ArrayList<Budget>();
        Map<String, AttributeValue> start = null;
        do {
            var req = QueryRequest.builder().tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :p")
                    .expressionAttributeValues(Map.of(":p", Attr.s("BUDGETS#" + projectId)));
            if (start != null) req.exclusiveStartKey(start);
            var resp = aws.dynamo().query(req.build());
            resp.items().forEach(i -> out.add(budget(i)));
            start = resp.hasLastEvaluatedKey() && !resp.lastEvaluatedKey().isEmpty() ? resp.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /** Every budget of the deployment (the budget monitor's input). A scan: budgets are few. */
    public List<Budget> all() {
        var out = new ArrayList<Budget>();
        Map<String, AttributeValue> start = null;
        do {
            var req = ScanRequest.builder().tableName(table).filterExpression("sk = :c")
                    .expressionAttributeValues(Map.of(":c", Attr.s("CONFIG")));
            if (start != null) req.exclusiveStartKey(start);
            var resp = aws.dynamo().scan(req.build());
            resp.items().forEach(i -> out.add(budget(i)));
            start = resp.hasLastEvaluatedKey() && !resp.lastEvaluatedKey().isEmpty() ? resp.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    static Budget budget(Map<String, AttributeValue> i) {
        var thresholds = new ArrayList<BigDecimal>();
        if (i.get("thresholds") != null) i.get("thresholds").l().forEach(v -> thresholds.add(new BigDecimal(v.n())));
        Budget.Notification n = Attr.str(i, "notifyType") == null ? null
                : new Budget.Notification(Attr.str(i, "notifyType"), Attr.str(i, "notifyUrl"), Attr.str(i, "notifyEmail"), Attr.str(i, "notifySecret"));
        return new Budget(Attr.str(i, "projectId"), Attr.str(i, "agentId"), new BigDecimal(i.get("limitUsd").n()), thresholds, n,
                i.get("hardStop") != null && Boolean.TRUE.equals(i.get("hardStop").bool()), Attr.num(i, "revision", 1),
                Instant.parse(Attr.str(i, "createdAt")), Instant.parse(Attr.str(i, "updatedAt")), Attr.str(i, "updatedBy"));
    }

    // --- alerts ---------------------------------------------------------------------------------------------

    static String alertSk(String period, BigDecimal threshold) {
        return "ALERT#" + period + "#" + Prices.strip(threshold).toPlainString();
    }

    /** Raises the alert unless it was raised already; true when this call raised it. */
    public boolean createAlert(Alert a) {
        var scope = new BudgetScope(a.projectId(), a.agentId());
        var item = alertItem(a, scope);
        try {
            aws.dynamo().putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            publish(a);
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** A {@code token_alert} live event for a newly raised alert (about the agent, when the budget is an agent's). */
    private void publish(Alert a) {
        var data = dev.luna.core.Json.object();
        data.put("alertId", a.id());
        if (a.agentId() != null) data.put("agentId", a.agentId());
        data.put("period", a.period());
        data.put("threshold", a.threshold());
        data.put("spentUsd", a.spentUsd());
        data.put("limitUsd", a.limitUsd());
        data.put("utilization", a.utilization());
        dev.luna.realtime.LiveEventBus.of(aws.config()).publish(a.projectId(), dev.luna.realtime.LiveEventKind.TOKEN_ALERT,
                a.agentId() == null ? null : dev.luna.realtime.LiveEvent.agentSubject(a.agentId()), data);
    }

    /**
     * Claims the next delivery attempt of an alert (attempts n → n+1) so that concurrent monitors never deliver
     * the same alert twice. False when someone else claimed it, or it needs no delivery.
     */
    public boolean claimDelivery(Alert a, Instant now) {
        try {
            aws.dynamo().updateItem(b -> b.tableName(table).key(Attr.key(Accounting.pk(new BudgetScope(a.projectId(), a.agentId())),
                            alertSk(a.period(), a.threshold())))
                    .updateExpression("SET attempts = :next, lastAttemptAt = :now, deliveryStatus = :sending")
                    .conditionExpression("attempts = :n AND deliveryStatus IN (:pending, :failed)")
                    .expressionAttributeValues(Map.of(":next", Attr.n(a.attempts() + 1L), ":n", Attr.n(a.attempts()),
                            ":now", Attr.s(now.toString()), ":sending", Attr.s("sending"), ":pending", Attr.s("pending"),
                            ":failed", Attr.s("failed"))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Records how a claimed delivery went. */
    public void recordDelivery(Alert a, String status, String error, Instant now) {
        var values = new HashMap<String, AttributeValue>();
        values.put(":s", Attr.s(status));
        String expr = "SET deliveryStatus = :s";
        if (error != null) {
            values.put(":e", Attr.s(error.length() > 500 ? error.substring(0, 500) : error));
            expr += ", lastError = :e";
        } else {
            expr += " REMOVE lastError";
        }
        if ("delivered".equals(status) || "recorded".equals(status)) {
            values.put(":d", Attr.s(now.toString()));
            expr = expr.replace("SET deliveryStatus = :s", "SET deliveryStatus = :s, deliveredAt = :d");
        }
        String e = expr;
        aws.dynamo().updateItem(b -> b.tableName(table).key(Attr.key(Accounting.pk(new BudgetScope(a.projectId(), a.agentId())),
                alertSk(a.period(), a.threshold()))).updateExpression(e).expressionAttributeValues(values));
    }

    /** The alerts of one budget in one month. */
    public List<Alert> alerts(BudgetScope scope, String period) {
        var resp = aws.dynamo().query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :a)")
                .expressionAttributeValues(Map.of(":pk", Attr.s(Accounting.pk(scope)), ":a", Attr.s("ALERT#" + period + "#"))));
        return resp.items().stream().map(BudgetStore::alert).toList();
    }

    /** A page of a project's alerts, newest first. */
    public Keyset.Page<Alert> alerts(String projectId, String cursor, int limit) {
        var req = QueryRequest.builder().tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", Attr.s("ALERTS#" + projectId))).scanIndexForward(false);
        var keys = new Keyset.Keys(java.util.Set.of("pk", "sk", "gsi1pk", "gsi1sk"), "gsi1pk", "ALERTS#" + projectId);
        return Keyset.page(aws.dynamo(), req.build(), keys, cursor, limit, BudgetStore::alert);
    }

    /** A page of items and the key to resume after it (null at the end). */
    public record Page<T>(List<T> items, Map<String, AttributeValue> lastKey) {
    }

    private static Map<String, AttributeValue> alertItem(Alert a, BudgetScope scope) {
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", Attr.s(Accounting.pk(scope)));
        item.put("sk", Attr.s(alertSk(a.period(), a.threshold())));
        item.put("gsi1pk", Attr.s("ALERTS#" + a.projectId()));
        item.put("gsi1sk", Attr.s(a.createdAt() + "#" + a.id()));
        item.put("id", Attr.s(a.id()));
        item.put("projectId", Attr.s(a.projectId()));
        if (a.agentId() != null) item.put("agentId", Attr.s(a.agentId()));
        item.put("period", Attr.s(a.period()));
        item.put("threshold", Accounting.num(a.threshold()));
        item.put("spentUsd", Accounting.num(a.spentUsd()));
        item.put("limitUsd", Accounting.num(a.limitUsd()));
        item.put("utilization", Accounting.num(a.utilization()));
        item.put("createdAt", Attr.s(a.createdAt().toString()));
        item.put("channel", Attr.s(a.channel()));
        if (a.target() != null) item.put("target", Attr.s(a.target()));
        item.put("deliveryStatus", Attr.s(a.deliveryStatus()));
        item.put("attempts", Attr.n(a.attempts()));
        return item;
    }

    static Alert alert(Map<String, AttributeValue> i) {
        return new Alert(Attr.str(i, "id"), Attr.str(i, "projectId"), Attr.str(i, "agentId"), Attr.str(i, "period"),
                new BigDecimal(i.get("threshold").n()), new BigDecimal(i.get("spentUsd").n()), new BigDecimal(i.get("limitUsd").n()),
                new BigDecimal(i.get("utilization").n()), Instant.parse(Attr.str(i, "createdAt")), Attr.str(i, "channel"),
                Attr.str(i, "target"), Attr.str(i, "deliveryStatus"), (int) Attr.num(i, "attempts", 0),
                Attr.str(i, "lastAttemptAt") == null ? null : Instant.parse(Attr.str(i, "lastAttemptAt")), Attr.str(i, "lastError"),
                Attr.str(i, "deliveredAt") == null ? null : Instant.parse(Attr.str(i, "deliveredAt")));
    }
}
