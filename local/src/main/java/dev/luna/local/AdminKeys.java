package dev.luna.local;

import dev.luna.core.Ids;
import dev.luna.core.Principal;
import dev.luna.http.ApiKeyAuthenticator;
import dev.luna.store.ApiKeyRecord;
import dev.luna.store.ApiKeyStore;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * The bootstrap admin API key of a local platform. {@code LUNA_ADMIN_KEY} chooses it; otherwise the first start
 * generates one and returns it to be printed once (only its hash is kept, so it cannot be shown again).
 */
final class AdminKeys {
    static final String BOOTSTRAP_ID = "key_bootstrap_admin";
    private final ApiKeyStore store;
    private final Clock clock;
    private final Ids ids;

    AdminKeys(ApiKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.ids = new Ids(clock);
    }

    /** Ensures a bootstrap admin key exists; returns the secret when it was generated now. */
    Optional<String> ensure(String configuredSecret) {
        if (configuredSecret != null && !configuredSecret.isBlank()) {
            String secret = configuredSecret.trim();
            if (!secret.startsWith(ApiKeyAuthenticator.PREFIX) || secret.length() < ApiKeyAuthenticator.PREFIX.length() + 16) {
                throw new IllegalArgumentException("LUNA_ADMIN_KEY must start with '" + ApiKeyAuthenticator.PREFIX
                        + "' and have at least 16 more characters");
            }
            store.put(record(secret));
            return Optional.empty();
        }
        if (store.existsById(BOOTSTRAP_ID)) return Optional.empty();
        String secret = ApiKeyAuthenticator.PREFIX + ids.secret(32);
        store.put(record(secret));
        return Optional.of(secret);
    }

    private ApiKeyRecord record(String secret) {
        return new ApiKeyRecord(BOOTSTRAP_ID, "bootstrap admin", secret.substring(0, 9), ApiKeyStore.hash(secret),
                Set.of(Principal.ADMIN), null, ApiKeyRecord.ACTIVE, clock.instant(), null, "local-runtime");
    }
}
