package dev.luna.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.luna.core.Ids;
import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The platform's ES256 signing keys (table {@code tokens}, partition {@code SIGNING_KEYS}), each with a {@code kid}.
 * The newest active key signs; retired keys stay published in the JWKS for {@link #RETIRED_PUBLISHED} so tokens they
 * signed verify until they expire. Keys are cached per container and reloaded when a token names an unknown kid.
 * <p>Private keys are stored as JWKs in DynamoDB (encrypted at rest, readable only by the roles Terraform grants);
 * a KMS asymmetric key is the stronger choice for production and fits behind this class.
 */
public final class SigningKeys {
    static final Duration RETIRED_PUBLISHED = Duration.ofDays(1);
    private static final Duration CACHE_TTL = Duration.ofMinutes(5);
    private static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(5);
    private static final String PARTITION = "SIGNING_KEYS";

    private final AwsClients aws;
    private final String table;
    private final Clock clock;
    private final Ids ids;
    private volatile List<Stored> cache = List.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    record Stored(String kid, ECKey key, String status, Instant createdAt, Instant retiredAt) {
    }

    public SigningKeys(AwsClients aws, Clock clock) {
        this.aws = aws;
        this.table = aws.config().tableName("tokens");
        this.clock = clock;
        this.ids = new Ids(clock);
    }

    /** The key that signs new tokens, creating the first one if there is none. */
    public ECKey current() {
        var active = newestActive(keys(false));
        if (active == null) active = newestActive(keys(true));
        if (active == null) {
            create();
            active = newestActive(keys(true));
        }
        return active.key();
    }

    /** Creates a new active key and retires the others; returns the new key id. */
    public String rotate() {
        var before = keys(true);
        String kid = create();
        Instant now = clock.instant();
        for (var k : before) {
            if ("active".equals(k.status())) {
                aws.dynamo().updateItem(b -> b.tableName(table).key(Attr.key(PARTITION, k.kid()))
                        .updateExpression("SET #s = :retired, retiredAt = :at")
                        .expressionAttributeNames(Map.of("#s", "status"))
                        .expressionAttributeValues(Map.of(":retired", Attr.s("retired"), ":at", Attr.s(now.toString()))));
            }
        }
        keys(true);
        return kid;
    }

    /** The public keys to verify with: active ones and recently retired ones. */
    public JWKSet publicKeys() {
        var list = new ArrayList<JWK>();
        for (var k : published(keys(false))) list.add(k.key().toPublicJWK());
        return new JWKSet(list);
    }

    /** Public key for {@code kid}, reloading the key set (at most every few seconds) if it is unknown. */
    public List<JWK> verificationKeys(String kid) {
        var found = find(keys(false), kid);
        if (found.isEmpty() && Duration.between(loadedAt, clock.instant()).compareTo(MIN_RELOAD_INTERVAL) > 0) {
            found = find(keys(true), kid);
        }
        return found;
    }

    private List<JWK> find(List<Stored> keys, String kid) {
        return published(keys).stream().filter(k -> k.kid().equals(kid)).map(k -> (JWK) k.key().toPublicJWK()).toList();
    }

    private List<Stored> published(List<Stored> keys) {
        Instant cutoff = clock.instant().minus(RETIRED_PUBLISHED);
        return keys.stream().filter(k -> "active".equals(k.status()) || (k.retiredAt() != null && k.retiredAt().isAfter(cutoff))).toList();
    }

    private static Stored newestActive(List<Stored> keys) {
        return keys.stream().filter(k -> "active".equals(k.status())).max(Comparator.comparing(Stored::createdAt)).orElse(null);
    }

    private String create() {
        String kid = "k_" + ids.ulid().toLowerCase(java.util.Locale.ROOT);
        Instant now = clock.instant();
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .issueTime(Date.from(now)).generate();
            aws.dynamo().putItem(b -> b.tableName(table).item(Map.of("pk", Attr.s(PARTITION), "sk", Attr.s(kid),
                    "jwk", Attr.s(key.toJSONString()), "status", Attr.s("active"), "createdAt", Attr.s(now.toString())))
                    .conditionExpression("attribute_not_exists(pk)"));
            return kid;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    private List<Stored> keys(boolean reload) {
        if (!reload && Duration.between(loadedAt, clock.instant()).compareTo(CACHE_TTL) < 0) return cache;
        var items = aws.dynamo().query(b -> b.tableName(table).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", Attr.s(PARTITION)))).items();
        var loaded = new ArrayList<Stored>();
        for (Map<String, AttributeValue> i : items) {
            try {
                loaded.add(new Stored(Attr.str(i, "sk"), ECKey.parse(Attr.str(i, "jwk")), Attr.str(i, "status"),
                        Instant.parse(Attr.str(i, "createdAt")),
                        Attr.str(i, "retiredAt") == null ? null : Instant.parse(Attr.str(i, "retiredAt"))));
            } catch (ParseException e) {
                throw new IllegalStateException("stored signing key " + Attr.str(i, "sk") + " is not a valid JWK", e);
            }
        }
        cache = List.copyOf(loaded);
        loadedAt = clock.instant();
        return cache;
    }
}
