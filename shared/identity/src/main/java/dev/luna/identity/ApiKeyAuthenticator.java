package dev.luna.identity;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.core.Principal;
import java.time.Clock;
import java.util.Map;

/** Authenticates {@code luna_…} API keys against their hashes in DynamoDB. */
public final class ApiKeyAuthenticator {
    public static final String PREFIX = "luna_";
    private final ApiKeyStore keys;
    private final Clock clock;

    public ApiKeyAuthenticator(ApiKeyStore keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The key record behind a secret, if it is usable now. */
    public ApiKeyRecord verify(String token) {
        if (!token.startsWith(PREFIX) || token.length() < PREFIX.length() + 16 || token.length() > 256) throw invalid();
        return keys.findBySecret(token).filter(k -> k.usableAt(clock.instant())).orElseThrow(ApiKeyAuthenticator::invalid);
    }

    public Principal authenticate(String token) {
        var key = verify(token);
        return new Principal(key.owner(), "api_key", key.id(), key.scopes(), key.projectId(), Map.of(), key.rateLimitPerMinute());
    }

    static LunaException invalid() {
        // one answer for unknown, revoked and expired keys: nothing tells an attacker which it was
        return new LunaException(ErrorCode.UNAUTHENTICATED, "The API key is invalid, revoked or expired");
    }
}
