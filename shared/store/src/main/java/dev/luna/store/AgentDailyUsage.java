package dev.luna.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An agent's model usage of one UTC day as one item of the {@code token-budgets} table ({@code Q#<agentId>},
 * {@code DAY#<yyyy-MM-dd>}: {@code tokens}, {@code costUsd}, {@code calls}). The model gateway writes it (and checks
 * {@code resourceQuota.tokenLimitPerDay} against it when it admits a call); the agents module reads it.
 */
public final class AgentDailyUsage {
    public static final String TABLE = "token-budgets";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private final AwsClients aws;
    private final String table;

    public AgentDailyUsage(AwsClients aws) {
        this.aws = aws;
        this.table = aws.config().tableName(TABLE);
    }

    /** Tokens (input + output), cost and calls of an agent on one day. */
    public record Usage(String day, long tokens, BigDecimal costUsd, long calls) {
    }

    public static String day(Instant at) {
        return DAY.format(at);
    }

    /** The key of the agent's item for the day of {@code at}. */
    public static Map<String, AttributeValue> key(String agentId, Instant at) {
        return Attr.key("Q#" + agentId, "DAY#" + day(at));
    }

    /** The agent's usage on the day of {@code at} (zero when it made no call). */
    public Usage read(String agentId, Instant at) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(key(agentId, at)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) return new Usage(day(at), 0, BigDecimal.ZERO, 0);
        var cost = item.get("costUsd");
        return new Usage(day(at), Attr.num(item, "tokens", 0), cost == null || cost.n() == null ? BigDecimal.ZERO
                : new BigDecimal(cost.n()).stripTrailingZeros(), Attr.num(item, "calls", 0));
    }
}
