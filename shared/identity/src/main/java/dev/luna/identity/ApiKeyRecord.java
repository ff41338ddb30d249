package dev.luna.identity;

import java.time.Instant;
import java.util.Set;

/**
 * An API key as stored: never the secret, only its SHA-256 hash and a short display prefix.
 *
 * @param owner              the subject (user) the key acts for
 * @param projectId          the project the key is restricted to, or null
 * @param rateLimitPerMinute this key's own request limit, or null for the platform default
 */
public record ApiKeyRecord(String id, String name, String prefix, String hash, String owner, Set<String> scopes,
                           String projectId, String status, Instant createdAt, Instant expiresAt, Instant revokedAt,
                           Integer rateLimitPerMinute) {
    public static final String ACTIVE = "active";
    public static final String REVOKED = "revoked";

    public boolean usableAt(Instant now) {
        return ACTIVE.equals(status) && (expiresAt == null || now.isBefore(expiresAt));
    }

    public ApiKeyRecord revoked(Instant at) {
        return new ApiKeyRecord(id, name, prefix, hash, owner, scopes, projectId, REVOKED, createdAt, expiresAt, at, rateLimitPerMinute);
    }

    /** What a listing may show: everything but the hash. */
    public ApiKeyRecord withoutHash() {
        return new ApiKeyRecord(id, name, prefix, null, owner, scopes, projectId, status, createdAt, expiresAt, revokedAt, rateLimitPerMinute);
    }
}
