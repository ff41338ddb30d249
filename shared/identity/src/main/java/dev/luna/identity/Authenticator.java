package dev.luna.identity;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.core.Principal;

/**
 * Turns a bearer credential into a caller: {@code luna_…} API keys, the platform's own access tokens (JWT, issuer
 * = ours), and — when configured — tokens of the external identity provider. Every failure is the same
 * {@code 401 UNAUTHENTICATED}, saying no more than a client needs.
 */
public final class Authenticator {
    private final ApiKeyAuthenticator apiKeys;
    private final AccessTokens accessTokens;
    private final RevokedTokens revoked;
    private final SsoAuthenticator sso;

    public Authenticator(ApiKeyAuthenticator apiKeys, AccessTokens accessTokens, RevokedTokens revoked, SsoAuthenticator sso) {
        this.apiKeys = apiKeys;
        this.accessTokens = accessTokens;
        this.revoked = revoked;
        this.sso = sso;
    }

    public Principal authenticate(String token) {
        if (token.startsWith(ApiKeyAuthenticator.PREFIX)) return apiKeys.authenticate(token);
        if (token.length() > 8192 || token.chars().filter(c -> c == '.').count() != 2) throw invalidToken();
        if (sso != null && !issuedByUs(token)) return sso.authenticate(token);
        try {
            var verified = accessTokens.verify(token);
            if (revoked.isRevoked(verified.jti())) throw invalidToken();
            return verified.principal();
        } catch (AccessTokens.InvalidToken e) {
            throw invalidToken();
        }
    }

    /** Routes by the unverified issuer claim only; the chosen verifier then checks everything. */
    private boolean issuedByUs(String token) {
        try {
            var jwt = com.nimbusds.jwt.JWTParser.parse(token);
            return !sso.issuer().equals(jwt.getJWTClaimsSet().getIssuer());
        } catch (java.text.ParseException e) {
            return true;
        }
    }

    private static LunaException invalidToken() {
        return new LunaException(ErrorCode.UNAUTHENTICATED, "The token is invalid or expired");
    }
}
