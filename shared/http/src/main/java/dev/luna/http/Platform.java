package dev.luna.http;

import dev.luna.core.Ids;
import dev.luna.store.ApiKeyStore;
import dev.luna.store.AwsClients;
import dev.luna.store.IdempotencyStore;
import dev.luna.store.LunaConfig;
import java.time.Clock;

/**
 * The per-container services every function shares: configuration, AWS clients (lazy), clock, ids, the
 * authenticator and the idempotency store. One instance per Lambda container (or per local runtime).
 */
public final class Platform implements AutoCloseable {
    private final LunaConfig config;
    private final AwsClients aws;
    private final Clock clock;
    private final Ids ids;
    private final Authenticator authenticator;
    private final IdempotencyStore idempotency;

    public Platform(LunaConfig config, Clock clock) {
        this.config = config;
        this.aws = new AwsClients(config);
        this.clock = clock;
        this.ids = new Ids(clock);
        this.authenticator = new ApiKeyAuthenticator(new ApiKeyStore(aws), clock);
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
        return authenticator;
    }

    public IdempotencyStore idempotency() {
        return idempotency;
    }

    @Override
    public void close() {
        aws.close();
    }
}
