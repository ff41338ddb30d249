package dev.luna.llm;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.store.AgentDailyUsage;
import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * An agent's {@code resourceQuota.tokenLimitPerDay}, enforced where the gateway admits a call ({@link Accounting#reserve}).
 * The limit is read from the agent's head item in the {@code agents} table (its {@code projectId} and
 * {@code tokenLimitPerDay} attributes) in the same batch read as the budgets; the day's use is the agent's
 * {@link AgentDailyUsage} item. A call is admitted by a conditional update of that item — {@code tokens < limit}, holding
 * the call's input tokens — in the same transaction as the budget reservation, so concurrent calls cannot slip past a
 * reached limit; settling adds the rest of the call's tokens. Calls in flight when the limit is reached may finish
 * (the day's total can exceed the limit by their output); every later call is refused with {@code 429 QUOTA_EXCEEDED}.
 * Only calls of the agent's own project count: an agent id of another project is not the caller's agent.
 */
final class AgentTokenQuota {
    private static final Duration RETENTION = Duration.ofDays(35);
    private final String agents;
    private final String usage;

    AgentTokenQuota(AwsClients aws) {
        this.agents = aws.config().tableName("agents");
        this.usage = aws.config().tableName(AgentDailyUsage.TABLE);
    }

    /** The agent's quota as read at admission: null limit when the agent is not the caller's (nothing is counted). */
    record Limit(String agentId, long tokensPerDay) {
    }

    /** Adds the agent's head to the batch read of a call's admission. */
    void addRead(UsageContext ctx, Map<String, KeysAndAttributes> request) {
        if (ctx.agentId() == null) return;
        request.put(agents, KeysAndAttributes.builder().keys(List.of(Attr.key("AGENT#" + ctx.agentId(), "HEAD")))
                .projectionExpression("pk, projectId, tokenLimitPerDay").consistentRead(true).build());
    }

    /** The limit of the call's agent from the batch read (null when the call names no agent of its project). */
    Limit limit(UsageContext ctx, Map<String, List<Map<String, AttributeValue>>> responses) {
        if (ctx.agentId() == null) return null;
        for (var item : responses.getOrDefault(agents, List.of())) {
            if (ctx.projectId().equals(Attr.str(item, "projectId"))) {
                return new Limit(ctx.agentId(), Attr.num(item, "tokenLimitPerDay", Long.MAX_VALUE));
            }
        }
        return null;
    }

    /** The conditional update that admits the call while the agent's tokens today are below its limit. */
    TransactWriteItem admit(Limit limit, long heldTokens, Instant now) {
        if (limit.tokensPerDay() <= 0) throw exceeded(limit, now);
        return TransactWriteItem.builder().update(Update.builder().tableName(usage).key(AgentDailyUsage.key(limit.agentId(), now))
                .updateExpression("ADD tokens :held SET expiresAt = :exp")
                .conditionExpression("attribute_not_exists(tokens) OR tokens < :limit")
                .expressionAttributeValues(Map.of(":held", Attr.n(heldTokens), ":limit", Attr.n(limit.tokensPerDay()),
                        ":exp", Attr.n(now.plus(RETENTION).getEpochSecond())))
                .build()).build();
    }

    /** The update that adds a settled call to the agent's day: its tokens beyond those held, its cost, one call. */
    TransactWriteItem settle(String agentId, Instant admittedAt, long tokens, long heldTokens, BigDecimal costUsd) {
        var values = new HashMap<String, AttributeValue>();
        values.put(":t", Attr.n(tokens - heldTokens));
        values.put(":c", AttributeValue.fromN(Prices.strip(costUsd).toPlainString()));
        values.put(":one", Attr.n(1));
        values.put(":exp", Attr.n(admittedAt.plus(RETENTION).getEpochSecond()));
        return TransactWriteItem.builder().update(Update.builder().tableName(usage).key(AgentDailyUsage.key(agentId, admittedAt))
                .updateExpression("ADD tokens :t, costUsd :c, calls :one SET expiresAt = :exp")
                .expressionAttributeValues(values).build()).build();
    }

    static LunaException exceeded(Limit limit, Instant now) {
        var details = new LinkedHashMap<String, Object>();
        details.put("agentId", limit.agentId());
        details.put("tokenLimitPerDay", limit.tokensPerDay());
        details.put("day", AgentDailyUsage.day(now));
        return new LunaException(ErrorCode.QUOTA_EXCEEDED, "Agent " + limit.agentId() + " has used its " + limit.tokensPerDay()
                + " tokens for today (UTC); no provider was contacted. Raise resourceQuota.tokenLimitPerDay or wait for tomorrow.", details);
    }
}
