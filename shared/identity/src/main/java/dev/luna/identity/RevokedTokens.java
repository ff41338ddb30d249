package dev.luna.identity;

import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Access tokens revoked before they expire, by {@code jti}; entries are kept until the token's own expiry. */
public final class RevokedTokens {
    private final AwsClients aws;
    private final String table;
    private final Clock clock;

    public RevokedTokens(AwsClients aws, Clock clock) {
        this.aws = aws;
        this.table = aws.config().tableName("tokens");
        this.clock = clock;
    }

    public void revoke(String jti, Instant expiresAt) {
        aws.dynamo().putItem(b -> b.tableName(table).item(Map.of("pk", Attr.s("REVOKED#" + jti), "sk", Attr.s("REVOKED"),
                "expiresAt", Attr.n(expiresAt.getEpochSecond()))));
    }

    public boolean isRevoked(String jti) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key("REVOKED#" + jti, "REVOKED"))).item();
        return item != null && !item.isEmpty() && Attr.num(item, "expiresAt", 0) > clock.instant().getEpochSecond();
    }
}
