package dev.luna.http;

import dev.luna.core.Principal;

/**
 * Turns a bearer token into a caller. The seam the identity system extends (JWTs, SSO tokens): implementations
 * throw {@code LunaException(UNAUTHENTICATED)} for unknown, revoked or expired credentials.
 */
@FunctionalInterface
public interface Authenticator {
    Principal authenticate(String bearerToken);
}
