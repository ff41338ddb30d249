package dev.luna.llm;

import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Tokens saved by token optimisation ({@code POST /api/v1/tokens/optimize}), per project and day, in the usage
 * table beside the call roll-ups ({@code pk = O#<project>#<yyyy-MM>}, {@code sk = <yyyy-MM-dd>}; one atomic ADD per
 * optimisation), so the usage report shows what optimisation saved next to what calls cost.
 */
public final class OptimizationSavings {
    private final AwsClients aws;
    private final String table;

    public OptimizationSavings(AwsClients aws) {
        this.aws = aws;
        this.table = aws.config().tableName(Accounting.USAGE_TABLE);
    }

    /** Totals over a date range: how many optimisations ran, the tokens they were given and returned, and the difference. */
    public record Totals(long optimizations, long tokensBefore, long tokensAfter, long tokensSaved) {
        public static final Totals NONE = new Totals(0, 0, 0, 0);
    }

    /** Adds one optimisation of {@code projectId} at {@code at}: {@code before} tokens in, {@code after} out. */
    public void record(String projectId, Instant at, int before, int after) {
        if (projectId == null || projectId.isBlank()) throw new IllegalArgumentException("projectId is required");
        if (before < 0 || after < 0) throw new IllegalArgumentException("token counts must not be negative");
        String day = Accounting.DAY.format(at);
        aws.dynamo().updateItem(b -> b.tableName(table).key(Attr.key(pk(projectId, Accounting.MONTH.format(at)), day))
                .updateExpression("ADD optimizations :one, tokensBefore :b, tokensAfter :a, tokensSaved :s SET #day = :day")
                .expressionAttributeNames(Map.of("#day", "day"))
                .expressionAttributeValues(Map.of(":one", Attr.n(1), ":b", Attr.n(before), ":a", Attr.n(after),
                        ":s", Attr.n(Math.max(0, before - after)), ":day", Attr.s(day))));
    }

    /** Sums {@code from}..{@code to} (inclusive days, UTC). */
    public Totals between(String projectId, LocalDate from, LocalDate to) {
        long n = 0, before = 0, after = 0, saved = 0;
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            Map<String, AttributeValue> start = null;
            do {
                var req = QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk AND sk BETWEEN :a AND :b")
                        .expressionAttributeValues(Map.of(":pk", Attr.s(pk(projectId, m.toString())), ":a", Attr.s(from.toString()),
                                ":b", Attr.s(to.toString())));
                if (start != null) req.exclusiveStartKey(start);
                var resp = aws.dynamo().query(req.build());
                for (var item : resp.items()) {
                    n += Attr.num(item, "optimizations", 0);
                    before += Attr.num(item, "tokensBefore", 0);
                    after += Attr.num(item, "tokensAfter", 0);
                    saved += Attr.num(item, "tokensSaved", 0);
                }
                start = resp.hasLastEvaluatedKey() && !resp.lastEvaluatedKey().isEmpty() ? resp.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return new Totals(n, before, after, saved);
    }

    private static String pk(String projectId, String month) {
        return "O#" + projectId + "#" + month;
    }
}
