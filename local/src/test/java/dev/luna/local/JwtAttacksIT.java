package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.luna.store.AwsClients;
import dev.luna.store.LunaConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forged, altered and out-of-date tokens are all refused with the same 401, whatever the check that failed.
 * Tokens that must be correctly signed but have wrong claims are signed with the platform's own key, read from
 * the stand-in store (a privilege only this test has).
 */
class JwtAttacksIT {
    private static final Api anon = TestRuntime.admin().withKey(null);
    private static String valid;
    private static ECKey platformKey;

    @BeforeAll
    static void issue() throws Exception {
        valid = anon.post("/api/v1/auth/token", "{\"grant_type\":\"api_key\",\"api_key\":\"" + TestRuntime.ADMIN_KEY + "\"}")
                .data().get("access_token").asString();
        String kid = JwtParts.header(valid).get("kid").asString();
        var config = LunaConfig.from(Map.of(LunaConfig.DYNAMODB_ENDPOINT, TestRuntime.shared().emulators().dynamoEndpoint().toString(),
                LunaConfig.RESOURCE_PREFIX, "luna")::get);
        try (var aws = new AwsClients(config)) {
            var item = aws.dynamo().getItem(b -> b.tableName("luna-tokens").key(dev.luna.store.Attr.key("SIGNING_KEYS", kid))).item();
            platformKey = ECKey.parse(item.get("jwk").s());
        }
    }

    private static void assertRefused(String token, String why) {
        var r = TestRuntime.admin().withKey(token).get("/api/v1/projects");
        assertThat(r.status()).as(why).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(r.json().get("error").get("message").asString()).as("no hint which check failed")
                .isEqualTo("The token is invalid or expired");
    }

    private static JWTClaimsSet.Builder claims() {
        var claims = JwtParts.claims(valid);
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(claims.get("iss").asString()).audience(claims.get("aud").asString())
                .subject("usr_admin").jwtID("jti_forged_" + System.nanoTime()).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).claim("scope", "admin:full_access");
    }

    private static String signed(ECKey key, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        var c = claims();
        change.accept(c);
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(new JOSEObjectType("at+jwt")).build(), c.build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    @Test
    void theGenuineTokenWorks() throws Exception {
        assertThat(TestRuntime.admin().withKey(valid).get("/api/v1/projects").status()).isEqualTo(200);
        assertThat(TestRuntime.admin().withKey(signed(platformKey, c -> { })).get("/api/v1/projects").status())
                .as("control: the re-signing harness itself produces acceptable tokens").isEqualTo(200);
    }

    @Test
    void algNoneIsRefused() {
        String header = JwtParts.encode("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + platformKey.getKeyID() + "\"}");
        String payload = valid.split("\\.")[1];
        assertRefused(header + "." + payload + ".", "alg none");
        assertRefused(JwtParts.encode("{\"alg\":\"none\"}") + "." + payload + ".", "alg none without typ");
    }

    @Test
    void hmacKeyConfusionIsRefused() throws Exception {
        byte[] publicKeyAsSecret = platformKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(platformKey.getKeyID()).type(new JOSEObjectType("at+jwt")).build(),
                claims().build());
        jwt.sign(new MACSigner(publicKeyAsSecret));
        assertRefused(jwt.serialize(), "HS256 signed with the public key");
    }

    @Test
    void unknownKeysAndForeignSignaturesAreRefused() throws Exception {
        ECKey attacker = new ECKeyGenerator(Curve.P_256).keyID("k_attacker").generate();
        assertRefused(signed(attacker, c -> { }), "unknown kid");
        ECKey impostor = new ECKeyGenerator(Curve.P_256).keyID(platformKey.getKeyID()).generate();
        assertRefused(signed(impostor, c -> { }), "known kid, wrong key");
    }

    @Test
    void tamperedTokensAreRefused() {
        String[] parts = valid.split("\\.");
        String elevated = JwtParts.encode(JwtParts.decode(parts[1]).replace("\"sub\":\"usr_admin\"", "\"sub\":\"usr_mallory\""));
        assertRefused(parts[0] + "." + elevated + "." + parts[2], "payload changed, signature kept");
        char c = parts[2].charAt(10);
        String flipped = parts[2].substring(0, 10) + (c == 'A' ? 'B' : 'A') + parts[2].substring(11);
        assertRefused(parts[0] + "." + parts[1] + "." + flipped, "signature altered");
    }

    @Test
    void timeIssuerAndAudienceAreChecked() throws Exception {
        Instant now = Instant.now();
        assertRefused(signed(platformKey, c -> c.expirationTime(Date.from(now.minusSeconds(120)))), "expired");
        assertRefused(signed(platformKey, c -> c.notBeforeTime(Date.from(now.plusSeconds(600)))), "not yet valid");
        assertRefused(signed(platformKey, c -> c.issuer("https://evil.example")), "wrong issuer");
        assertRefused(signed(platformKey, c -> c.audience("another-api")), "wrong audience");
        assertRefused(signed(platformKey, c -> c.subject(null)), "no subject");
    }

    @Test
    void wrongTypIsRefused() throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(platformKey.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims().build());
        jwt.sign(new ECDSASigner(platformKey));
        assertRefused(jwt.serialize(), "an ID-token-like JWT is not an access token");
    }

    @Test
    void malformedCredentialsAreRefused() {
        assertRefused("a.b.c", "garbage segments");
        assertRefused("not-a-token", "no structure");
        assertRefused("x".repeat(9000) + ".a.b", "oversized");
        for (String header : new String[] {"Bearer", "Bearer  ", "Token abc", "Basic dXNlcjpwYXNz", "Bearer a b", "bearer"}) {
            var r = anon.header("Authorization", header).get("/api/v1/projects");
            assertThat(r.status()).as(header).isEqualTo(401);
            assertThat(r.errorCode()).isEqualTo("UNAUTHENTICATED");
        }
    }
}
