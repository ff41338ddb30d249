package dev.luna.functions.identity;

import dev.luna.catalog.Access;
import dev.luna.core.ErrorCode;
import dev.luna.core.Ids;
import dev.luna.core.LunaException;
import dev.luna.core.Principal;
import dev.luna.core.Violations;
import dev.luna.identity.ApiKeyAuthenticator;
import dev.luna.identity.ApiKeyRecord;
import dev.luna.identity.ApiKeyStore;
import dev.luna.store.Keyset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * API keys: created with at most the creator's own scopes (no escalation), optionally restricted to a project the
 * creator can see, with an expiry and a per-key rate limit; the secret is returned once and stored only as a hash.
 */
final class ApiKeyService {
    static final Set<String> KNOWN_SCOPES = Set.of("agents:read", "agents:write", "tasks:read", "tasks:write", "projects:read",
            "projects:write", "rag:read", "rag:write", "tokens:read", "tokens:write", Principal.ADMIN);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}");
    private final ApiKeyStore store;
    private final Clock clock;
    private final Ids ids;

    ApiKeyService(ApiKeyStore store, Clock clock, Ids ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    /** Body of {@code POST /api/v1/api-keys}. */
    record CreateKey(String name, List<String> scopes, String projectId, Instant expiresAt, Integer expiresInDays,
                     Integer rateLimitPerMinute, String owner) {
    }

    /** The answer to a creation: the record and, this once, the secret. */
    record Created(ApiKeyRecord key, String secret) {
    }

    Created create(CreateKey body, Access access) {
        var caller = access.principal();
        var v = new Violations();
        if (v.required(body.name(), "name")) v.text(body.name(), "name", 100, NAME, "must be 1-100 letters, digits, spaces or . _ -");
        if (body.scopes() == null || body.scopes().isEmpty()) v.add("scopes", "must list at least one scope");
        else {
            v.size(body.scopes(), "scopes", 20);
            for (int i = 0; i < body.scopes().size(); i++) {
                String s = body.scopes().get(i);
                if (s == null || !KNOWN_SCOPES.contains(s)) v.add("scopes[" + i + "]", "is not a known scope; known: " + KNOWN_SCOPES.stream().sorted().toList());
            }
        }
        if (body.expiresAt() != null && body.expiresInDays() != null) v.add("expiresAt", "give either expiresAt or expiresInDays, not both");
        v.range(body.expiresInDays(), "expiresInDays", 1, 3650);
        if (body.expiresAt() != null && !body.expiresAt().isAfter(clock.instant())) v.add("expiresAt", "must be in the future");
        v.range(body.rateLimitPerMinute(), "rateLimitPerMinute", 1, 1_000_000);
        v.throwIfAny();

        var scopes = new LinkedHashSet<>(body.scopes());
        for (String s : scopes) {
            if (!caller.isAdmin() && !caller.scopes().contains(s)) {
                throw new LunaException(ErrorCode.FORBIDDEN, "Cannot grant scope '" + s + "': a key never gets more than its creator holds");
            }
        }
        String owner = caller.id();
        if (body.owner() != null && !body.owner().equals(caller.id())) {
            if (!caller.isAdmin() || caller.projectId() != null) {
                throw new LunaException(ErrorCode.FORBIDDEN, "Only administrators create keys for other users");
            }
            owner = body.owner();
        }
        String projectId = body.projectId();
        if (caller.projectId() != null) {
            if (projectId != null && !projectId.equals(caller.projectId())) throw LunaException.notFound("Project", projectId);
            projectId = caller.projectId();
        }
        if (projectId != null && !access.canSee(projectId)) throw LunaException.notFound("Project", projectId);

        Instant now = clock.instant();
        Instant expires = body.expiresAt() != null ? body.expiresAt()
                : body.expiresInDays() != null ? now.plus(Duration.ofDays(body.expiresInDays())) : null;
        String secret = ApiKeyAuthenticator.PREFIX + ids.secret(32);
        var record = new ApiKeyRecord(ids.next("key"), body.name().trim(), secret.substring(0, 12), ApiKeyStore.hash(secret),
                owner, Set.copyOf(scopes), projectId, ApiKeyRecord.ACTIVE, now, expires, null, body.rateLimitPerMinute());
        store.put(record);
        return new Created(record.withoutHash(), secret);
    }

    Keyset.Page<ApiKeyRecord> list(Access access, String owner, String cursor, int limit) {
        var caller = access.principal();
        String subject = owner == null ? caller.id() : owner;
        if (!subject.equals(caller.id()) && !caller.isAdmin()) {
            throw new LunaException(ErrorCode.FORBIDDEN, "Only administrators list other users' keys");
        }
        var page = store.listByOwner(subject, cursor, limit);
        return new Keyset.Page<>(page.items().stream().map(ApiKeyRecord::withoutHash).toList(), page.next(), page.prev());
    }

    ApiKeyRecord revoke(String id, Access access) {
        var caller = access.principal();
        var key = store.findById(id).filter(k -> k.owner().equals(caller.id()) || caller.isAdmin())
                .orElseThrow(() -> LunaException.notFound("API key", id));
        if (ApiKeyRecord.REVOKED.equals(key.status())) {
            throw new LunaException(ErrorCode.INVALID_TRANSITION, "API key " + id + " is already revoked");
        }
        var revoked = key.revoked(clock.instant());
        store.put(revoked);
        return revoked.withoutHash();
    }
}
