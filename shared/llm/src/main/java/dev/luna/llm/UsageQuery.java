package dev.luna.llm;

import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Aggregates a project's usage over a date range from the daily roll-ups (one item per day, provider, model,
 * task type and agent), grouped by any of day, provider, model, taskType, agent, with optional filters.
 */
public final class UsageQuery {
    public static final List<String> DIMENSIONS = List.of("day", "provider", "model", "taskType", "agent");

    private final AwsClients aws;
    private final String table;

    public UsageQuery(AwsClients aws) {
        this.aws = aws;
        this.table = aws.config().tableName(Accounting.USAGE_TABLE);
    }

    /** Totals of one group. {@code key} names the group by its dimensions' values. */
    public record Group(Map<String, String> key, long calls, long inputTokens, long cachedInputTokens, long cacheWriteTokens,
                        long outputTokens, BigDecimal costUsd) {
    }

    /**
     * The answer: the groups (sorted by key), the overall totals, and what token optimisation saved in the range
     * ({@code optimized}; for the whole project, not narrowed by the filters, which describe model calls).
     */
    public record Report(String projectId, LocalDate from, LocalDate to, List<String> groupBy, List<Group> groups, Group total,
                         OptimizationSavings.Totals optimized) {
    }

    /** Filters; null = any. {@code agent} "-" matches calls without an agent. */
    public record Filter(String provider, String model, String taskType, String agent) {
    }

    public Report aggregate(String projectId, LocalDate from, LocalDate to, List<String> groupBy, Filter filter) {
        var groups = new TreeMap<String, long[]>();
        var costs = new TreeMap<String, BigDecimal>();
        var keys = new LinkedHashMap<String, Map<String, String>>();
        long[] total = new long[5];
        BigDecimal totalCost = BigDecimal.ZERO;
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            Map<String, AttributeValue> start = null;
            do {
                var req = QueryRequest.builder().tableName(table)
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :a AND :b")
                        .expressionAttributeValues(Map.of(":pk", Attr.s("R#" + projectId + "#" + m),
                                ":a", Attr.s(from.toString()), ":b", Attr.s(to + "#\uffff")));
                if (start != null) req.exclusiveStartKey(start);
                var resp = aws.dynamo().query(req.build());
                for (var item : resp.items()) {
                    var dims = Map.of("day", Attr.str(item, "day"), "provider", Attr.str(item, "provider"), "model", Attr.str(item, "model"),
                            "taskType", Attr.str(item, "taskType"), "agent", Attr.str(item, "agentId"));
                    if (!matches(filter, dims)) continue;
                    var key = new LinkedHashMap<String, String>();
                    for (String d : groupBy) key.put(d, dims.get(d));
                    String k = String.join("\u0000", key.values());
                    keys.putIfAbsent(k, key);
                    long[] s = groups.computeIfAbsent(k, x -> new long[5]);
                    long[] v = {Attr.num(item, "calls", 0), Attr.num(item, "inputTokens", 0), Attr.num(item, "cachedInputTokens", 0),
                            Attr.num(item, "cacheWriteTokens", 0), Attr.num(item, "outputTokens", 0)};
                    for (int i = 0; i < 5; i++) {
                        s[i] += v[i];
                        total[i] += v[i];
                    }
                    BigDecimal cost = Accounting.decimal(item, "costUsd");
                    costs.merge(k, cost, BigDecimal::add);
                    totalCost = totalCost.add(cost);
                }
                start = resp.hasLastEvaluatedKey() && !resp.lastEvaluatedKey().isEmpty() ? resp.lastEvaluatedKey() : null;
            } while (start != null);
        }
        var out = new ArrayList<Group>();
        for (var e : groups.entrySet()) {
            long[] s = e.getValue();
            out.add(new Group(keys.get(e.getKey()), s[0], s[1], s[2], s[3], s[4], Prices.strip(costs.get(e.getKey()))));
        }
        return new Report(projectId, from, to, List.copyOf(groupBy), out,
                new Group(Map.of(), total[0], total[1], total[2], total[3], total[4], Prices.strip(totalCost)),
                new OptimizationSavings(aws).between(projectId, from, to));
    }

    private static boolean matches(Filter f, Map<String, String> dims) {
        if (f == null) return true;
        return (f.provider() == null || f.provider().equals(dims.get("provider")))
                && (f.model() == null || f.model().equals(dims.get("model")))
                && (f.taskType() == null || f.taskType().equals(dims.get("taskType")))
                && (f.agent() == null || f.agent().equals(dims.get("agent")));
    }
}
