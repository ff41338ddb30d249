package dev.luna.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.luna.core.Ids;
import dev.luna.core.Principal;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The platform's access tokens: ES256-signed JWTs ({@code typ at+jwt}, RFC 9068 style) with {@code kid}, issuer,
 * audience, subject, scopes, optional project, issue/expiry times and an id ({@code jti}) that can be revoked.
 * Verification accepts only ES256 with a published key: {@code alg: none}, HMAC (key confusion), unknown kids,
 * wrong issuer/audience and expired or not-yet-valid tokens are all rejected (by Nimbus JOSE+JWT).
 */
public final class AccessTokens {
    static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");
    private final SigningKeys keys;
    private final TokenSettings settings;
    private final Clock clock;
    private final Ids ids;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    /** A verified token: its claims as a caller. */
    public record Verified(Principal principal, String jti, Instant expiresAt) {
    }

    public record Issued(String token, String jti, Instant expiresAt) {
    }

    public AccessTokens(SigningKeys keys, TokenSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
        this.ids = new Ids(clock);
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(TYPE));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                (selector, context) -> selector.select(new com.nimbusds.jose.jwk.JWKSet(
                        keys.verificationKeys(selector.getMatcher().getKeyIDs().stream().findFirst().orElse(""))))));
        var verifier = new DefaultJWTClaimsVerifier<SecurityContext>(settings.audience(),
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), Set.of("sub", "iat", "exp", "jti")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        verifier.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(verifier);
    }

    public Issued issue(String subject, Set<String> scopes, String projectId, String credentialId) {
        Instant now = clock.instant();
        Instant exp = now.plus(settings.accessTokenTtl());
        String jti = ids.next("jti");
        var key = keys.current();
        var claims = new JWTClaimsSet.Builder().issuer(settings.issuer()).audience(settings.audience()).subject(subject)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(exp)).jwtID(jti)
                .claim("scope", String.join(" ", scopes)).claim("cid", credentialId);
        if (projectId != null) claims.claim("project", projectId);
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(TYPE).build(), claims.build());
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return new Issued(jwt.serialize(), jti, exp);
    }

    /** Verifies a token; throws {@link InvalidToken} (never saying which check failed) when it is not acceptable. */
    public Verified verify(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            var scopes = new LinkedHashSet<>(Arrays.asList(claims.getStringClaim("scope") == null ? new String[0]
                    : claims.getStringClaim("scope").split(" ")));
            scopes.remove("");
            var principal = new Principal(claims.getSubject(), "jwt", claims.getJWTID(), scopes,
                    claims.getStringClaim("project"), Map.of());
            return new Verified(principal, claims.getJWTID(), claims.getExpirationTime().toInstant());
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new InvalidToken(e);
        }
    }

    /** The token is malformed, forged, expired, not yet valid, or for another issuer or audience. */
    public static final class InvalidToken extends RuntimeException {
        InvalidToken(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
