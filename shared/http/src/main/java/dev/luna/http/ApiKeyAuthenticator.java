package dev.luna.http;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.core.Principal;
import dev.luna.store.ApiKeyStore;
import java.time.Clock;

/** Authenticates {@code luna_…} API keys against their hashes in DynamoDB. */
public final class ApiKeyAuthenticator implements Authenticator {
    public static final String PREFIX = "luna_";
    private final ApiKeyStore keys;
    private final Clock clock;

    public ApiKeyAuthenticator(ApiKeyStore keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Principal authenticate(String token) {
        if (!token.startsWith(PREFIX) || token.length() < PREFIX.length() + 16 || token.length() > 256) {
            throw invalid();
        }
        var key = keys.findBySecret(token).filter(k -> k.usableAt(clock.instant())).orElseThrow(ApiKeyAuthenticator::invalid);
        return new Principal(key.id(), "api_key", key.scopes(), key.projectId());
    }

    private static LunaException invalid() {
        // one answer for unknown, revoked and expired keys: nothing tells an attacker which it was
        return new LunaException(ErrorCode.UNAUTHENTICATED, "The API key is invalid, revoked or expired");
    }
}
