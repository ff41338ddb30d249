package dev.luna.identity;

import dev.luna.core.ErrorCode;
import dev.luna.core.Hashes;
import dev.luna.core.Ids;
import dev.luna.core.Json;
import dev.luna.core.LunaException;
import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Opaque refresh tokens ({@code lrt_…}, stored only as hashes in table {@code tokens}) grouped in families. Each
 * refresh rotates the token: the presented one is marked used with a conditional write, and a new one of the same
 * family is issued. Presenting a used token again (a replay, or a race between two holders) revokes the whole
 * family, so a stolen token is good for at most one use, and that use ends the thief's and the owner's session.
 */
public final class RefreshTokens {
    public static final String PREFIX = "lrt_";
    private final AwsClients aws;
    private final String table;
    private final Clock clock;
    private final TokenSettings settings;
    private final Ids ids;

    /** What a refresh token carries: the session it continues. */
    public record Grant(String familyId, String subject, String credentialId, Set<String> scopes, String projectId,
                        Instant familyExpiresAt) {
    }

    public record Issued(String token, Instant expiresAt) {
    }

    public RefreshTokens(AwsClients aws, TokenSettings settings, Clock clock) {
        this.aws = aws;
        this.table = aws.config().tableName("tokens");
        this.clock = clock;
        this.settings = settings;
        this.ids = new Ids(clock);
    }

    /** Starts a new family for a session. */
    public Issued start(String subject, String credentialId, Set<String> scopes, String projectId) {
        Instant now = clock.instant();
        var grant = new Grant(ids.next("fam"), subject, credentialId, scopes, projectId, now.plus(settings.refreshTokenTtl()));
        aws.dynamo().putItem(b -> b.tableName(table).item(Map.of("pk", Attr.s("FAMILY#" + grant.familyId()), "sk", Attr.s("FAMILY"),
                "status", Attr.s("active"), "credentialId", Attr.s(credentialId),
                "expiresAt", Attr.n(grant.familyExpiresAt().getEpochSecond()))));
        return issue(grant);
    }

    /**
     * Spends a refresh token, returning its grant so the caller can {@link #issue} the next one of the family.
     * Throws UNAUTHENTICATED for unknown, expired, revoked or replayed tokens (a replay also revokes the family).
     */
    public Grant spend(String token) {
        var item = find(token).orElseThrow(RefreshTokens::invalid);
        var grant = Json.readTrusted(Attr.str(item, "grant"), Grant.class);
        long now = clock.instant().getEpochSecond();
        if (Attr.num(item, "expiresAt", 0) <= now || familyRevoked(grant.familyId())) throw invalid();
        if (!"active".equals(Attr.str(item, "status"))) {
            revokeFamily(grant.familyId());
            throw new LunaException(ErrorCode.UNAUTHENTICATED, "Refresh token reuse detected; the session has been revoked");
        }
        try {
            aws.dynamo().updateItem(b -> b.tableName(table).key(Attr.key("REFRESH#" + Hashes.sha256(token), "REFRESH"))
                    .updateExpression("SET #s = :used, usedAt = :now").conditionExpression("#s = :active")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":used", Attr.s("used"), ":active", Attr.s("active"), ":now", Attr.n(now))));
        } catch (ConditionalCheckFailedException e) {
            revokeFamily(grant.familyId());
            throw new LunaException(ErrorCode.UNAUTHENTICATED, "Refresh token reuse detected; the session has been revoked");
        }
        return grant;
    }

    public Issued issue(Grant grant) {
        String token = PREFIX + ids.secret(32);
        Instant now = clock.instant();
        Instant exp = grant.familyExpiresAt().isBefore(now.plus(settings.refreshTokenTtl())) ? grant.familyExpiresAt()
                : now.plus(settings.refreshTokenTtl());
        aws.dynamo().putItem(b -> b.tableName(table).item(Map.of("pk", Attr.s("REFRESH#" + Hashes.sha256(token)), "sk", Attr.s("REFRESH"),
                "status", Attr.s("active"), "grant", Attr.s(Json.write(grant)), "expiresAt", Attr.n(exp.getEpochSecond()))));
        return new Issued(token, exp);
    }

    /** Revokes the family of a refresh token; false if the token is unknown. */
    public boolean revoke(String token) {
        var item = find(token);
        if (item.isEmpty()) return false;
        revokeFamily(Json.readTrusted(Attr.str(item.get(), "grant"), Grant.class).familyId());
        return true;
    }

    public void revokeFamily(String familyId) {
        aws.dynamo().updateItem(b -> b.tableName(table).key(Attr.key("FAMILY#" + familyId, "FAMILY"))
                .updateExpression("SET #s = :revoked").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":revoked", Attr.s("revoked"))));
    }

    private boolean familyRevoked(String familyId) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key("FAMILY#" + familyId, "FAMILY")).consistentRead(true)).item();
        return item == null || item.isEmpty() || !"active".equals(Attr.str(item, "status"));
    }

    private Optional<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> find(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 256) return Optional.empty();
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key("REFRESH#" + Hashes.sha256(token), "REFRESH"))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static LunaException invalid() {
        return new LunaException(ErrorCode.UNAUTHENTICATED, "The refresh token is invalid, expired or revoked");
    }
}
