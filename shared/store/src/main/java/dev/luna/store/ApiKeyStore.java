package dev.luna.store;

import dev.luna.core.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * API keys in DynamoDB, addressed by the SHA-256 of the secret: a lookup needs the secret, and a leak of the
 * table reveals no usable key. (High-entropy secrets make a slow password hash unnecessary.)
 */
public final class ApiKeyStore {
    private final AwsClients aws;
    private final String table;

    public ApiKeyStore(AwsClients aws) {
        this.aws = aws;
        this.table = aws.config().tableName("api-keys");
    }

    public static String hash(String secret) {
        try {
            var md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<ApiKeyRecord> findBySecret(String secret) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key("KEY#" + hash(secret), "KEY"))).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(Json.readTrusted(Attr.str(item, "doc"), ApiKeyRecord.class));
    }

    /** Stores (or replaces) a key record. */
    public void put(ApiKeyRecord key) {
        Map<String, AttributeValue> item = Map.of(
                "pk", Attr.s("KEY#" + key.hash()), "sk", Attr.s("KEY"),
                "id", Attr.s(key.id()), "doc", Attr.s(Json.write(key)));
        aws.dynamo().putItem(b -> b.tableName(table).item(item));
    }

    public boolean existsById(String id) {
        var resp = aws.dynamo().scan(b -> b.tableName(table).filterExpression("id = :id")
                .expressionAttributeValues(Map.of(":id", Attr.s(id))));
        return resp.count() > 0;
    }
}
