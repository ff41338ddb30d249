package dev.luna.local;

import dev.luna.core.Ids;
import dev.luna.core.Principal;
import dev.luna.core.ProjectRole;
import dev.luna.identity.ApiKeyAuthenticator;
import dev.luna.identity.ApiKeyRecord;
import dev.luna.identity.ApiKeyStore;
import dev.luna.identity.ProjectStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bootstrap of a local platform: the administrator ({@code usr_admin}), its API key, and the {@code default}
 * project it owns. {@code LUNA_ADMIN_KEY} chooses the key; otherwise the first start generates one and returns it
 * to be printed once (only its hash is kept, so it cannot be shown again).
 */
final class AdminKeys {
    static final String BOOTSTRAP_ID = "key_bootstrap_admin";
    static final String ADMIN_SUBJECT = "usr_admin";
    static final String DEFAULT_PROJECT = dev.luna.core.Projects.DEFAULT;
    private final ApiKeyStore store;
    private final ProjectStore projects;
    private final Clock clock;
    private final Ids ids;

    AdminKeys(ApiKeyStore store, ProjectStore projects, Clock clock) {
        this.store = store;
        this.projects = projects;
        this.clock = clock;
        this.ids = new Ids(clock);
    }

    /** Ensures a bootstrap admin key exists; returns the secret when it was generated now. */
    Optional<String> ensure(String configuredSecret) {
        if (projects.find(DEFAULT_PROJECT).isEmpty()) {
            var now = clock.instant();
            projects.create(new ProjectStore.Project(DEFAULT_PROJECT, "Default project", "Created at first start",
                    Map.of(), "active", 1, now, now, ADMIN_SUBJECT), new ProjectStore.Member(DEFAULT_PROJECT, ADMIN_SUBJECT,
                    ProjectRole.OWNER, now, ADMIN_SUBJECT));
        }
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
        return new ApiKeyRecord(BOOTSTRAP_ID, "bootstrap admin", secret.substring(0, 12), ApiKeyStore.hash(secret), ADMIN_SUBJECT,
                Set.of(Principal.ADMIN), null, ApiKeyRecord.ACTIVE, clock.instant(), null, null, null);
    }
}
