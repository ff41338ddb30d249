package dev.luna.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.core.Principal;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Accepts access or ID tokens of the configured external identity provider: RS256/ES256 signatures checked against
 * the provider's JWKS (fetched and cached by Nimbus, refreshed on unknown kids), exact issuer, our audience,
 * expiry and not-before; the subject becomes {@code sso|<sub>} and the groups claim maps to scopes and project roles.
 */
public final class SsoAuthenticator {
    private final SsoSettings settings;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public SsoAuthenticator(SsoSettings settings, Clock clock) {
        this.settings = settings;
        try {
            JWKSource<SecurityContext> source = JWKSourceBuilder.create(settings.jwksUrl().toURL()).retrying(true).build();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), source));
        } catch (MalformedURLException e) {
            throw new IllegalStateException("LUNA_SSO_JWKS_URL is not a URL: " + settings.jwksUrl());
        }
        var verifier = new DefaultJWTClaimsVerifier<SecurityContext>(settings.audience(),
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), Set.of("sub", "exp")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        verifier.setMaxClockSkew(30);
        processor.setJWTClaimsSetVerifier(verifier);
    }

    public String issuer() {
        return settings.issuer();
    }

    public Principal authenticate(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            Object raw = claims.getClaim(settings.groupsClaim());
            List<String> groups = raw instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                    : raw instanceof String s ? List.of(s.split("[ ,]+")) : List.of();
            var mapping = settings.map(groups);
            return new Principal("sso|" + claims.getSubject(), "sso", claims.getJWTID() != null ? claims.getJWTID() : "sso",
                    mapping.scopes(), null, mapping.roles());
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            throw new LunaException(ErrorCode.UNAUTHENTICATED, "The token is invalid or expired");
        }
    }
}
