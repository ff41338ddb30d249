package dev.luna.llm;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Tokens per minute in DynamoDB (table {@code token-usage}, item {@code TPM#<key>} / {@code <minute>}, expiring):
 * a call is admitted when the minute's count plus its estimate stays within the limit — one conditional
 * {@code ADD}, so concurrent calls cannot overshoot — and the estimate is corrected to the actual tokens after the
 * call. {@code limits} gives the limit of a call's key (e.g. from the API key's record); empty = unlimited.
 * The key is the API key id when the call has one, else the project.
 */
public final class TokensPerMinuteLimiter implements TokenRateLimiter {
    private final AwsClients aws;
    private final String table;
    private final Clock clock;
    private final Function<UsageContext, OptionalLong> limits;

    public TokensPerMinuteLimiter(AwsClients aws, Clock clock, Function<UsageContext, OptionalLong> limits) {
        this.aws = aws;
        this.table = aws.config().tableName(Accounting.USAGE_TABLE);
        this.clock = clock;
        this.limits = limits;
    }

    @Override
    public Permit acquire(UsageContext context, long estimatedTokens) {
        var limit = limits.apply(context);
        if (limit.isEmpty()) return Permit.UNLIMITED;
        String key = context.apiKeyId() != null ? "key#" + context.apiKeyId() : "project#" + context.projectId();
        Instant now = clock.instant();
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        long headroom = limit.getAsLong() - estimatedTokens;
        if (headroom < 0) throw limited(key, limit.getAsLong(), minute.plusSeconds(60), now);
        try {
            aws.dynamo().updateItem(b -> b.tableName(table).key(Attr.key("TPM#" + key, minute.toString()))
                    .updateExpression("ADD tokens :n SET expiresAt = :exp")
                    .conditionExpression("attribute_not_exists(tokens) OR tokens <= :headroom")
                    .expressionAttributeValues(Map.of(":n", Attr.n(estimatedTokens), ":headroom", Attr.n(headroom),
                            ":exp", Attr.n(minute.plusSeconds(180).getEpochSecond()))));
        } catch (ConditionalCheckFailedException e) {
            throw limited(key, limit.getAsLong(), minute.plusSeconds(60), now);
        }
        return new Permit(key, minute.toString(), estimatedTokens);
    }

    @Override
    public void settle(Permit permit, long actualTokens) {
        if (permit.key() == null || actualTokens == permit.estimatedTokens()) return;
        aws.dynamo().updateItem(b -> b.tableName(table).key(Attr.key("TPM#" + permit.key(), permit.window()))
                .updateExpression("ADD tokens :d").expressionAttributeValues(Map.of(":d", Attr.n(actualTokens - permit.estimatedTokens()))));
    }

    private static LunaException limited(String key, long limit, Instant nextWindow, Instant now) {
        long retry = Math.max(1, nextWindow.getEpochSecond() - now.getEpochSecond());
        return new LunaException(ErrorCode.RATE_LIMITED, "Token rate limit of " + limit + " tokens per minute reached for "
                + key.substring(0, key.indexOf('#')) + "; retry in " + retry + " s", Map.of("limitTokensPerMinute", limit, "retryAfterSeconds", retry));
    }
}
