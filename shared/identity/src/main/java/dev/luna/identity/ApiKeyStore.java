package dev.luna.identity;

import dev.luna.core.Hashes;
import dev.luna.core.Json;
import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import dev.luna.store.Keyset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * API keys in DynamoDB (table {@code api-keys}), addressed by the SHA-256 of the secret: a lookup needs the
 * secret, and a leak of the table reveals no usable key (high-entropy secrets make a slow password hash
 * unnecessary). Index {@code gsi1} lists a subject's keys, {@code gsi2} finds a key by id (to revoke it).
 */
public final class ApiKeyStore {
    private final AwsClients aws;
    private final String table;
    private final ShortCache<ApiKeyRecord> bySecretHash;

    public ApiKeyStore(AwsClients aws) {
        this.aws = aws;
        this.table = aws.config().tableName("api-keys");
        this.bySecretHash = new ShortCache<>(java.time.Duration.ofMillis(aws.config().longSetting(ShortCache.SETTING, 10_000)));
    }

    public static String hash(String secret) {
        return Hashes.sha256(secret);
    }

    /**
     * The key behind a secret. A key found is remembered for a few seconds ({@link ShortCache}): a revocation through
     * this instance applies at once, through another within that time; expiry is checked on every use.
     */
    public Optional<ApiKeyRecord> findBySecret(String secret) {
        String hash = hash(secret);
        var found = bySecretHash.get(hash, () -> read(hash));
        if (found.isEmpty()) bySecretHash.forget(hash); // unknown secrets are not remembered
        return found;
    }

    private Optional<ApiKeyRecord> read(String hash) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key("KEY#" + hash, "KEY"))).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(Json.readTrusted(Attr.str(item, "doc"), ApiKeyRecord.class));
    }

    public Optional<ApiKeyRecord> findById(String id) {
        var items = aws.dynamo().query(b -> b.tableName(table).indexName("gsi2").keyConditionExpression("gsi2pk = :id")
                .expressionAttributeValues(Map.of(":id", Attr.s("KEYID#" + id)))).items();
        return items.isEmpty() ? Optional.empty() : Optional.of(Json.readTrusted(Attr.str(items.get(0), "doc"), ApiKeyRecord.class));
    }

    /** Stores (or replaces) a key record. */
    public void put(ApiKeyRecord key) {
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", Attr.s("KEY#" + key.hash()));
        item.put("sk", Attr.s("KEY"));
        item.put("gsi1pk", Attr.s("OWNER#" + key.owner()));
        item.put("gsi1sk", Attr.s(key.createdAt() + "#" + key.id()));
        item.put("gsi2pk", Attr.s("KEYID#" + key.id()));
        item.put("doc", Attr.s(Json.write(key)));
        aws.dynamo().putItem(b -> b.tableName(table).item(item));
        bySecretHash.forget(key.hash());
    }

    /** A page of a subject's keys, newest first. */
    public Keyset.Page<ApiKeyRecord> listByOwner(String owner, String cursor, int limit) {
        var req = QueryRequest.builder().tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :o")
                .expressionAttributeValues(Map.of(":o", Attr.s("OWNER#" + owner))).scanIndexForward(false);
        var keys = new Keyset.Keys(Set.of("pk", "sk", "gsi1pk", "gsi1sk"), "gsi1pk", "OWNER#" + owner);
        return Keyset.page(aws.dynamo(), req.build(), keys, cursor, limit, i -> Json.readTrusted(Attr.str(i, "doc"), ApiKeyRecord.class));
    }

    public boolean existsById(String id) {
        return findById(id).isPresent();
    }
}
