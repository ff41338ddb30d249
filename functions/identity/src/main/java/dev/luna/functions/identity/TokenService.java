package dev.luna.functions.identity;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.core.Violations;
import dev.luna.identity.ApiKeyRecord;
import dev.luna.identity.Identity;
import dev.luna.identity.RefreshTokens;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The token endpoints: exchange an API key (grant {@code api_key}) or client credentials (key id + secret) for a
 * short-lived access token and a refresh token; rotate refresh tokens; revoke either kind.
 */
final class TokenService {
    private final Identity identity;
    private final Clock clock;

    TokenService(Identity identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    /** Body of {@code POST /api/v1/auth/token} (OAuth 2.0 field names). */
    record TokenRequest(String grant_type, String api_key, String client_id, String client_secret, String scope) {
    }

    record RefreshRequest(String refresh_token) {
    }

    record RevokeRequest(String token, String token_type_hint) {
    }

    /** OAuth 2.0 token response fields. */
    record TokenResponse(String access_token, String token_type, long expires_in, String refresh_token,
                         long refresh_expires_in, String scope) {
    }

    TokenResponse exchange(TokenRequest body) {
        var v = new Violations();
        v.required(body.grant_type(), "grant_type");
        v.throwIfAny();
        ApiKeyRecord key;
        switch (body.grant_type()) {
            case "api_key" -> {
                v.required(body.api_key(), "api_key");
                v.throwIfAny();
                key = identity.apiKeyAuthenticator().verify(body.api_key());
            }
            case "client_credentials" -> {
                v.required(body.client_id(), "client_id");
                v.required(body.client_secret(), "client_secret");
                v.throwIfAny();
                key = identity.apiKeyAuthenticator().verify(body.client_secret());
                if (!key.id().equals(body.client_id())) throw new LunaException(ErrorCode.UNAUTHENTICATED, "The API key is invalid, revoked or expired");
            }
            default -> throw new dev.luna.core.ValidationException("grant_type", "must be api_key or client_credentials");
        }
        Set<String> scopes = key.scopes();
        if (body.scope() != null && !body.scope().isBlank()) {
            var requested = new LinkedHashSet<>(Arrays.asList(body.scope().trim().split("\\s+")));
            for (String s : requested) {
                if (!scopes.contains(s) && !scopes.contains(dev.luna.core.Principal.ADMIN)) {
                    throw new LunaException(ErrorCode.FORBIDDEN, "Scope '" + s + "' is not granted to this key");
                }
            }
            scopes = Set.copyOf(requested);
        }
        var refresh = identity.refreshTokens().start(key.owner(), key.id(), scopes, key.projectId());
        return respond(key.owner(), scopes, key.projectId(), key.id(), refresh);
    }

    TokenResponse refresh(RefreshRequest body) {
        var v = new Violations();
        v.required(body.refresh_token(), "refresh_token");
        v.throwIfAny();
        RefreshTokens.Grant grant = identity.refreshTokens().spend(body.refresh_token());
        var key = identity.apiKeys().findById(grant.credentialId()).filter(k -> k.usableAt(clock.instant()));
        if (key.isEmpty()) {
            identity.refreshTokens().revokeFamily(grant.familyId());
            throw new LunaException(ErrorCode.UNAUTHENTICATED, "The refresh token is invalid, expired or revoked");
        }
        var next = identity.refreshTokens().issue(grant);
        return respond(grant.subject(), grant.scopes(), grant.projectId(), grant.credentialId(), next);
    }

    /** RFC 7009: the answer is the same whether or not the token was known. */
    void revoke(RevokeRequest body) {
        var v = new Violations();
        v.required(body.token(), "token");
        v.throwIfAny();
        String token = body.token().trim();
        if (token.startsWith(RefreshTokens.PREFIX)) {
            identity.refreshTokens().revoke(token);
            return;
        }
        try {
            var verified = identity.accessTokens().verify(token);
            identity.revokedTokens().revoke(verified.jti(), verified.expiresAt());
        } catch (RuntimeException e) {
            // an invalid or expired token needs no revocation
        }
    }

    private TokenResponse respond(String subject, Set<String> scopes, String projectId, String credentialId, RefreshTokens.Issued refresh) {
        var access = identity.accessTokens().issue(subject, scopes, projectId, credentialId);
        long now = clock.instant().getEpochSecond();
        return new TokenResponse(access.token(), "Bearer", access.expiresAt().getEpochSecond() - now, refresh.token(),
                refresh.expiresAt().getEpochSecond() - now, String.join(" ", scopes.stream().sorted().toList()));
    }
}
