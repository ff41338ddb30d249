package dev.luna.http;

import dev.luna.core.Ids;
import dev.luna.identity.Authenticator;
import dev.luna.identity.Identity;
import dev.luna.store.AwsClients;
import dev.luna.store.IdempotencyStore;
import dev.luna.store.LunaConfig;
import java.time.Clock;

/**
 * The per-container services every function shares: configuration, AWS clients (lazy), clock, ids, identity
 * (credentials, projects, rate limits, audit) and the idempotency store. One instance per Lambda container (or per local runtime).
 */
public final class Platform implements AutoCloseable {
    private final LunaConfig config;
    private final AwsClients aws;
    private final Clock clock;
    private final Ids ids;
    private final Identity identity;
    private final IdempotencyStore idempotency;

    public Platform(LunaConfig config, Clock clock) {
        this.config = config;
        this.aws = new AwsClients(config);
        this.clock = clock;
        this.ids = new Ids(clock);
        this.identity = new Identity(aws, clock);
        this.idempotency = new IdempotencyStore(aws, clock);
    }

    public LunaConfig config() {
        return config;
    }

    public AwsClients aws() {
        return aws;
    }

    public Clock clock() {
        return clock;
    }

    public Ids ids() {
        return ids;
    }

    public Authenticator authenticator() {
        return identity.authenticator();
    }

    public Identity identity() {
        return identity;
    }

    public IdempotencyStore idempotency() {
        return idempotency;
    }

    /**
     * Warms up, on a background thread, what the first request would otherwise pay for: the DynamoDB client
     * (SDK classes, endpoint rules, signer), a connection to DynamoDB (one GetItem of a key that never exists),
     * JSON binding of an API Gateway event, and whatever the module adds (typically binding its own records). Runs
     * while Spring finishes starting, on the second core. The same {@link Priming} is registered as a CRaC resource,
     * so a SnapStart (or CRaC) checkpoint waits for it and snapshots a primed container. Failures are ignored:
     * priming is an optimisation only. Called once per module initializer; each call adds its own priming.
     */
    public Priming primeAsync(Runnable moduleWarmup) {
        var priming = new Priming(java.util.List.of(
                () -> Events.httpEvent(PRIMING_EVENT),
                moduleWarmup,
                () -> aws.dynamo().getItem(b -> b.tableName(config.tableName("api-keys"))
                        .key(dev.luna.store.Attr.key("PRIME#never-a-key", "KEY")))));
        synchronized (primings) {
            primings.add(priming); // org.crac contexts may hold resources weakly: keep them reachable
        }
        org.crac.Core.getGlobalContext().register(priming);
        priming.startAsync();
        return priming;
    }

    private final java.util.List<Priming> primings = new java.util.ArrayList<>();

    private static final byte[] PRIMING_EVENT = ("{\"version\":\"2.0\",\"routeKey\":\"GET /\",\"rawPath\":\"/\",\"headers\":{\"a\":\"b\"},"
            + "\"requestContext\":{\"requestId\":\"prime\",\"http\":{\"method\":\"GET\",\"path\":\"/\"}},\"isBase64Encoded\":false}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @Override
    public void close() {
        aws.close();
    }
}
