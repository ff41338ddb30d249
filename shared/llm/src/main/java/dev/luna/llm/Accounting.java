package dev.luna.llm;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Money and tokens in DynamoDB: budget reservations before a call, settlement and usage records after it.
 * <p>
 * <b>Reserve</b>: the call's maximum cost is added to {@code committed} of each budget's period item (the project's,
 * and the agent's when the call names one) in one transaction with a reservation item. For a hard budget the update
 * is conditional — {@code committed <= limit - maxCost} — so DynamoDB itself admits exactly as many concurrent calls
 * as the limit allows; a refused condition is {@code BUDGET_EXCEEDED}, raised before any provider is contacted.
 * <b>Settle</b>: one transaction replaces the reservation by the actual cost ({@code committed += actual - reserved},
 * {@code spent += actual}), deletes the reservation, writes the usage records and adds them to the daily roll-ups.
 * A reservation left by a crashed call expires and is released by the budget monitor ({@link #releaseExpired}).
 * <p>
 * Layout — table {@code token-budgets}: {@code pk = B#<scope>} with {@code sk = CONFIG} (the budget),
 * {@code PERIOD#<yyyy-MM>} (committed, spent, reserved), {@code RES#<call>} (a reservation),
 * {@code ALERT#<yyyy-MM>#<threshold>} (an alert). Table {@code token-usage}: {@code pk = U#<project>#<yyyy-MM-dd>},
 * {@code sk = <timestamp>#<id>} (records, kept 400 days) and {@code pk = R#<project>#<yyyy-MM>},
 * {@code sk = <day>#<provider>#<model>#<taskType>#<agent>} (roll-ups, kept).
 */
public final class Accounting {
    public static final String BUDGETS_TABLE = "token-budgets";
    public static final String USAGE_TABLE = "token-usage";
    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    static final Duration RECORD_RETENTION = Duration.ofDays(400);
    static final int RESERVATION_SHARDS = 8;

    private final AwsClients aws;
    private final String budgets;
    private final String usage;
    private final Clock clock;
    private final AgentTokenQuota quota;

    public Accounting(AwsClients aws, Clock clock) {
        this.aws = aws;
        this.budgets = aws.config().tableName(BUDGETS_TABLE);
        this.usage = aws.config().tableName(USAGE_TABLE);
        this.clock = clock;
        this.quota = new AgentTokenQuota(aws);
    }

    /**
     * Money held for one call, per budget (empty when no budget applies), and the agent whose day the call counts in
     * ({@link AgentTokenQuota}; null when none), with the tokens held for it at {@code admittedAt}.
     */
    public record Reservation(String callId, BigDecimal amount, String period, List<BudgetScope> scopes, String agentId,
                              Instant admittedAt, long heldTokens) {
        public Reservation(String callId, BigDecimal amount, String period, List<BudgetScope> scopes) {
            this(callId, amount, period, scopes, null, null, 0);
        }

        public static Reservation none(String callId) {
            return new Reservation(callId, BigDecimal.ZERO, null, List.of());
        }

        public boolean holdsAny() {
            return !scopes.isEmpty();
        }
    }

    static String pk(BudgetScope scope) {
        return "B#" + scope.key();
    }

    static String period(Instant t) {
        return MONTH.format(t);
    }

    public Reservation reserve(UsageContext ctx, BigDecimal maxCost, String callId, Duration holdFor) {
        return reserve(ctx, maxCost, 0, callId, holdFor);
    }

    /**
     * Holds {@code maxCost} against every budget of the call's project and agent, and admits the call against its
     * agent's tokens per day ({@link AgentTokenQuota}, holding {@code inputTokens}), in one transaction. Throws
     * {@code BUDGET_EXCEEDED} when a hard budget cannot cover it, {@code QUOTA_EXCEEDED} when the agent's tokens of
     * today are used up (nothing held either way).
     */
    public Reservation reserve(UsageContext ctx, BigDecimal maxCost, long inputTokens, String callId, Duration holdFor) {
        var scopes = new ArrayList<BudgetScope>();
        scopes.add(new BudgetScope(ctx.projectId(), null));
        if (ctx.agentId() != null) scopes.add(new BudgetScope(ctx.projectId(), ctx.agentId()));
        var keys = new ArrayList<Map<String, AttributeValue>>();
        for (var s : scopes) keys.add(Attr.key(pk(s), "CONFIG"));
        var request = new HashMap<String, KeysAndAttributes>();
        request.put(budgets, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        quota.addRead(ctx, request);
        var resp = aws.dynamo().batchGetItem(b -> b.requestItems(request));
        var configs = new LinkedHashMap<BudgetScope, Map<String, AttributeValue>>();
        for (var item : resp.responses().getOrDefault(budgets, List.of())) {
            for (var s : scopes) if (pk(s).equals(Attr.str(item, "pk"))) configs.put(s, item);
        }
        var agentLimit = quota.limit(ctx, resp.responses());
        Instant now = clock.instant();
        if (configs.isEmpty() && agentLimit == null) return Reservation.none(callId);
        String period = period(now);
        var items = new ArrayList<TransactWriteItem>();
        var held = new ArrayList<BudgetScope>();
        for (var e : configs.entrySet()) {
            var scope = e.getKey();
            BigDecimal limit = new BigDecimal(e.getValue().get("limitUsd").n());
            boolean hard = e.getValue().get("hardStop") != null && Boolean.TRUE.equals(e.getValue().get("hardStop").bool());
            var values = new HashMap<String, AttributeValue>();
            values.put(":amt", num(maxCost));
            var update = Update.builder().tableName(budgets).key(Attr.key(pk(scope), "PERIOD#" + period))
                    .updateExpression("ADD #committed :amt, #reserved :amt SET #period = :period")
                    .expressionAttributeNames(new HashMap<>(Map.of("#committed", "committed", "#reserved", "reserved", "#period", "period")));
            values.put(":period", Attr.s(period));
            if (hard) {
                BigDecimal headroom = limit.subtract(maxCost);
                if (headroom.signum() < 0) throw exceeded(scope, limit, maxCost);
                values.put(":headroom", num(headroom));
                update.conditionExpression("attribute_not_exists(#committed) OR #committed <= :headroom");
            }
            items.add(TransactWriteItem.builder().update(update.expressionAttributeValues(values).build()).build());
            held.add(scope);
        }
        if (agentLimit != null) items.add(quota.admit(agentLimit, inputTokens, now));
        if (!held.isEmpty()) items.add(reservationPut(ctx, maxCost, callId, now.plus(holdFor), period, held));
        try {
            aws.dynamo().transactWriteItems(b -> b.transactItems(items));
        } catch (TransactionCanceledException e) {
            var reasons = e.cancellationReasons();
            for (int i = 0; i < held.size() && i < reasons.size(); i++) {
                if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                    var scope = held.get(i);
                    throw exceeded(scope, new BigDecimal(configs.get(scope).get("limitUsd").n()), maxCost);
                }
            }
            if (agentLimit != null && reasons.size() > held.size() && "ConditionalCheckFailed".equals(reasons.get(held.size()).code())) {
                throw AgentTokenQuota.exceeded(agentLimit, now);
            }
            throw e;
        }
        return new Reservation(callId, held.isEmpty() ? BigDecimal.ZERO : maxCost, held.isEmpty() ? null : period, List.copyOf(held),
                agentLimit == null ? null : agentLimit.agentId(), now, agentLimit == null ? 0 : inputTokens);
    }

    private TransactWriteItem reservationPut(UsageContext ctx, BigDecimal maxCost, String callId, Instant until, String period,
                                             List<BudgetScope> held) {
        var res = new HashMap<String, AttributeValue>();
        res.put("pk", Attr.s("B#reservation"));
        res.put("sk", Attr.s("RES#" + callId));
        res.put("gsi1pk", Attr.s("RES#" + Math.floorMod(callId.hashCode(), RESERVATION_SHARDS)));
        res.put("gsi1sk", Attr.s(until + "#" + callId));
        res.put("amount", num(maxCost));
        res.put("period", Attr.s(period));
        res.put("scopes", AttributeValue.fromL(held.stream().map(s -> Attr.s(s.key())).toList()));
        res.put("projectId", Attr.s(ctx.projectId()));
        if (ctx.agentId() != null) res.put("agentId", Attr.s(ctx.agentId()));
        return TransactWriteItem.builder().put(Put.builder().tableName(budgets).item(res).build()).build();
    }

    private static LunaException exceeded(BudgetScope scope, BigDecimal limit, BigDecimal maxCost) {
        var details = new LinkedHashMap<String, Object>();
        details.put("scope", scope.kind());
        details.put("projectId", scope.projectId());
        if (scope.agentId() != null) details.put("agentId", scope.agentId());
        details.put("monthlyLimitUsd", limit);
        details.put("callMaxCostUsd", maxCost);
        return new LunaException(ErrorCode.BUDGET_EXCEEDED, "The " + scope.kind() + " budget of $" + limit.toPlainString()
                + " for this month cannot cover this call (it may cost up to $" + maxCost.toPlainString()
                + "); no provider was contacted. Raise the budget or lower max_tokens.", details);
    }

    /**
     * Replaces the reservation by the actual cost of {@code records} and stores them, in one transaction. Records
     * are written even when no budget applies.
     */
    public void settle(Reservation reservation, List<UsageRecord> records) {
        BigDecimal actual = BigDecimal.ZERO;
        for (var r : records) actual = actual.add(r.costUsd());
        try {
            write(reservation, records, actual, true);
        } catch (TransactionCanceledException e) {
            if (!reservation.holdsAny() || !reservationGone(e.cancellationReasons(), reservation)) throw e;
            // the reservation expired and the monitor released it already: account the actual cost on its own
            write(reservation, records, actual, false);
        }
    }

    private boolean reservationGone(List<CancellationReason> reasons, Reservation reservation) {
        int idx = reservation.scopes().size();
        return reasons.size() > idx && "ConditionalCheckFailed".equals(reasons.get(idx).code());
    }

    private void write(Reservation reservation, List<UsageRecord> records, BigDecimal actual, boolean withReservation) {
        var items = new ArrayList<TransactWriteItem>();
        if (reservation.holdsAny()) {
            BigDecimal delta = withReservation ? actual.subtract(reservation.amount()) : actual;
            for (var scope : reservation.scopes()) {
                var values = new HashMap<String, AttributeValue>();
                values.put(":delta", num(delta));
                values.put(":actual", num(actual));
                String expr = "ADD #committed :delta, #spent :actual";
                if (withReservation) {
                    values.put(":release", num(reservation.amount().negate()));
                    expr += ", #reserved :release";
                }
                items.add(TransactWriteItem.builder().update(Update.builder().tableName(budgets)
                        .key(Attr.key(pk(scope), "PERIOD#" + reservation.period())).updateExpression(expr)
                        .expressionAttributeNames(withReservation
                                ? Map.of("#committed", "committed", "#spent", "spent", "#reserved", "reserved")
                                : Map.of("#committed", "committed", "#spent", "spent"))
                        .expressionAttributeValues(values).build()).build());
            }
            if (withReservation) {
                items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(budgets)
                        .key(Attr.key("B#reservation", "RES#" + reservation.callId()))
                        .conditionExpression("attribute_exists(pk)").build()).build());
            }
        }
        var rollups = new LinkedHashMap<String, Map<String, AttributeValue>>();
        var sums = new LinkedHashMap<String, long[]>();
        var costs = new LinkedHashMap<String, BigDecimal>();
        for (var r : records) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(usage).item(recordItem(r)).build()).build());
            String day = DAY.format(r.timestamp());
            String rk = "R#" + r.projectId() + "#" + MONTH.format(r.timestamp()) + "|" + day + "#" + r.provider() + "#" + r.model()
                    + "#" + dash(r.taskType()) + "#" + dash(r.agentId());
            rollups.putIfAbsent(rk, Map.of("day", Attr.s(day), "provider", Attr.s(r.provider()), "model", Attr.s(r.model()),
                    "taskType", Attr.s(dash(r.taskType())), "agentId", Attr.s(dash(r.agentId()))));
            var s = sums.computeIfAbsent(rk, k -> new long[5]);
            s[0]++;
            s[1] += r.inputTokens();
            s[2] += r.cachedInputTokens();
            s[3] += r.cacheWriteTokens();
            s[4] += r.outputTokens();
            costs.merge(rk, r.costUsd(), BigDecimal::add);
        }
        for (var e : rollups.entrySet()) {
            String[] parts = e.getKey().split("\\|", 2);
            var s = sums.get(e.getKey());
            var values = new HashMap<String, AttributeValue>();
            values.put(":calls", Attr.n(s[0]));
            values.put(":in", Attr.n(s[1]));
            values.put(":cached", Attr.n(s[2]));
            values.put(":cw", Attr.n(s[3]));
            values.put(":out", Attr.n(s[4]));
            values.put(":cost", num(costs.get(e.getKey())));
            values.put(":day", e.getValue().get("day"));
            values.put(":provider", e.getValue().get("provider"));
            values.put(":model", e.getValue().get("model"));
            values.put(":taskType", e.getValue().get("taskType"));
            values.put(":agent", e.getValue().get("agentId"));
            items.add(TransactWriteItem.builder().update(Update.builder().tableName(usage).key(Attr.key(parts[0], parts[1]))
                    .updateExpression("ADD calls :calls, inputTokens :in, cachedInputTokens :cached, cacheWriteTokens :cw, "
                            + "outputTokens :out, costUsd :cost SET #day = :day, provider = :provider, #model = :model, "
                            + "taskType = :taskType, agentId = :agent")
                    .expressionAttributeNames(Map.of("#day", "day", "#model", "model"))
                    .expressionAttributeValues(values).build()).build());
        }
        if (reservation.agentId() != null) {
            long tokens = 0;
            for (var r : records) tokens += r.inputTokens() + r.outputTokens();
            // without the reservation (released meanwhile) the held tokens still count: they were added at admission
            items.add(quota.settle(reservation.agentId(), reservation.admittedAt(), tokens, reservation.heldTokens(), actual));
        }
        if (items.isEmpty()) return;
        aws.dynamo().transactWriteItems(b -> b.transactItems(items));
    }

    static String dash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    private static Map<String, AttributeValue> recordItem(UsageRecord r) {
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", Attr.s("U#" + r.projectId() + "#" + DAY.format(r.timestamp())));
        item.put("sk", Attr.s(r.timestamp() + "#" + r.id()));
        item.put("id", Attr.s(r.id()));
        item.put("ts", Attr.s(r.timestamp().toString()));
        item.put("provider", Attr.s(r.provider()));
        item.put("model", Attr.s(r.model()));
        item.put("inputTokens", Attr.n(r.inputTokens()));
        item.put("cachedInputTokens", Attr.n(r.cachedInputTokens()));
        item.put("cacheWriteTokens", Attr.n(r.cacheWriteTokens()));
        item.put("outputTokens", Attr.n(r.outputTokens()));
        item.put("costUsd", num(r.costUsd()));
        item.put("estimated", Attr.bool(r.estimated()));
        item.put("projectId", Attr.s(r.projectId()));
        item.put("optimized", Attr.bool(r.optimized()));
        item.put("outcome", Attr.s(r.outcome()));
        if (r.taskType() != null) item.put("taskType", Attr.s(r.taskType()));
        if (r.agentId() != null) item.put("agentId", Attr.s(r.agentId()));
        if (r.taskId() != null) item.put("taskId", Attr.s(r.taskId()));
        if (r.apiKeyId() != null) item.put("apiKeyId", Attr.s(r.apiKeyId()));
        if (r.requestId() != null) item.put("requestId", Attr.s(r.requestId()));
        item.put("expiresAt", Attr.n(r.timestamp().plus(RECORD_RETENTION).getEpochSecond()));
        return item;
    }

    /** Releases reservations whose calls should have settled by {@code now} (crashed or timed-out callers). */
    public int releaseExpired(Instant now) {
        int released = 0;
        for (int shard = 0; shard < RESERVATION_SHARDS; shard++) {
            Map<String, AttributeValue> start = null;
            do {
                var req = QueryRequest.builder().tableName(budgets).indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :p AND gsi1sk < :now")
                        .expressionAttributeValues(Map.of(":p", Attr.s("RES#" + shard), ":now", Attr.s(now.toString())));
                if (start != null) req.exclusiveStartKey(start);
                var resp = aws.dynamo().query(req.build());
                for (var item : resp.items()) {
                    if (release(item)) released++;
                }
                start = resp.hasLastEvaluatedKey() && !resp.lastEvaluatedKey().isEmpty() ? resp.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return released;
    }

    private boolean release(Map<String, AttributeValue> res) {
        BigDecimal amount = new BigDecimal(res.get("amount").n());
        String period = Attr.str(res, "period");
        var items = new ArrayList<TransactWriteItem>();
        for (var s : res.get("scopes").l()) {
            items.add(TransactWriteItem.builder().update(Update.builder().tableName(budgets)
                    .key(Attr.key("B#" + s.s(), "PERIOD#" + period))
                    .updateExpression("ADD #committed :neg, #reserved :neg")
                    .expressionAttributeNames(Map.of("#committed", "committed", "#reserved", "reserved"))
                    .expressionAttributeValues(Map.of(":neg", num(amount.negate()))).build()).build());
        }
        items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(budgets).key(Attr.key(Attr.str(res, "pk"), Attr.str(res, "sk")))
                .conditionExpression("attribute_exists(pk)").build()).build());
        try {
            aws.dynamo().transactWriteItems(b -> b.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            return false; // settled (or released) meanwhile
        }
    }

    /** Where a budget stands in the period of {@code at}. */
    public BudgetStatus status(BudgetScope scope, BigDecimal limit, Instant at) {
        String period = period(at);
        var item = aws.dynamo().getItem(b -> b.tableName(budgets).key(Attr.key(pk(scope), "PERIOD#" + period)).consistentRead(true)).item();
        BigDecimal spent = decimal(item, "spent");
        BigDecimal reserved = decimal(item, "reserved");
        BigDecimal remaining = limit.subtract(spent).subtract(reserved);
        BigDecimal utilization = limit.signum() == 0 ? BigDecimal.ZERO : Prices.strip(spent.divide(limit, 6, java.math.RoundingMode.HALF_UP));
        return new BudgetStatus(period, Prices.strip(spent), Prices.strip(reserved), Prices.strip(remaining.signum() < 0 ? BigDecimal.ZERO : remaining), utilization);
    }

    static BigDecimal decimal(Map<String, AttributeValue> item, String name) {
        if (item == null) return BigDecimal.ZERO;
        var v = item.get(name);
        return v == null || v.n() == null ? BigDecimal.ZERO : new BigDecimal(v.n());
    }

    static AttributeValue num(BigDecimal v) {
        return AttributeValue.fromN(Prices.strip(v).toPlainString());
    }
}
