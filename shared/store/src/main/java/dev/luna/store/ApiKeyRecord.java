package dev.luna.store;

import java.time.Instant;
import java.util.Set;

/** An API key as stored: never the secret, only its SHA-256 hash and a short display prefix. */
public record ApiKeyRecord(String id, String name, String prefix, String hash, Set<String> scopes, String projectId,
                           String status, Instant createdAt, Instant expiresAt, String createdBy) {
    public static final String ACTIVE = "active";
    public static final String REVOKED = "revoked";

    public boolean usableAt(Instant now) {
        return ACTIVE.equals(status) && (expiresAt == null || now.isBefore(expiresAt));
    }
}
