package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tokens of an external OIDC provider (a real JWKS endpoint and discovery document on a local port, RS256 keys):
 * validated against the provider's keys, issuer and our audience; its groups map to scopes and to roles in projects;
 * {@code GET /api/v1/auth/sso} tells a browser how to sign in there, {@code GET /api/v1/auth/me} who it then is.
 */
class SsoIT {
    private static String ISSUER;
    private static HttpServer idp;
    private static RSAKey idpKey;
    private static LocalRuntime runtime;
    private static final java.util.concurrent.atomic.AtomicInteger discoveryReads = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        idpKey = new RSAKeyGenerator(2048).keyID("idp-key-1").generate();
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] jwks = new JWKSet(idpKey.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
        idp.createContext("/jwks", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, jwks.length);
            ex.getResponseBody().write(jwks);
            ex.close();
        });
        idp.start();
        ISSUER = "http://127.0.0.1:" + idp.getAddress().getPort() + "/realms/luna";
        byte[] discovery = ("{\"issuer\":\"" + ISSUER + "\",\"authorization_endpoint\":\"" + ISSUER + "/authorize\","
                + "\"token_endpoint\":\"" + ISSUER + "/token\",\"jwks_uri\":\"" + ISSUER + "/jwks\"}").getBytes(StandardCharsets.UTF_8);
        idp.createContext("/realms/luna/.well-known/openid-configuration", ex -> {
            discoveryReads.incrementAndGet();
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, discovery.length);
            ex.getResponseBody().write(discovery);
            ex.close();
        });
        runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(TestRuntime.ADMIN_KEY)
                .setting("LUNA_SSO_ISSUER", ISSUER)
                .setting("LUNA_SSO_AUDIENCE", "luna-api")
                .setting("LUNA_SSO_JWKS_URL", "http://127.0.0.1:" + idp.getAddress().getPort() + "/jwks")
                .setting("LUNA_SSO_GROUP_SCOPES", "{\"luna-devs\":[\"agents:read\",\"agents:write\",\"projects:read\"],\"luna-ops\":[\"admin:full_access\"]}")
                .setting("LUNA_SSO_CLIENT_ID", "luna-console")
                .setting("LUNA_SSO_GROUP_ROLES", "{\"team-default\":{\"default\":\"developer\"},\"team-default-viewers\":{\"default\":\"viewer\"}}")
                .start();
    }

    @AfterAll
    static void stop() {
        runtime.close();
        idp.stop(0);
    }

    private static String token(RSAKey key, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience("luna-api").subject("alice@example.com")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("groups", List.of("luna-devs", "team-default"));
        change.accept(claims);
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static Api as(String token) {
        return new Api(runtime.baseUri(), token);
    }

    @Test
    void groupsMapToScopesAndProjectRoles() throws Exception {
        var dev = as(token(idpKey, c -> { }));
        var created = dev.post("/api/v1/agents", TestRuntime.agentJson("sso-agent", "t", "1.0.0"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.data().get("createdBy").asString()).isEqualTo("sso|alice@example.com");
        assertThat(dev.get("/api/v1/projects").data().toString()).contains("\"id\":\"default\"").contains("\"yourRole\":\"developer\"");

        var viewer = as(token(idpKey, c -> c.claim("groups", List.of("luna-devs", "team-default-viewers"))));
        assertThat(viewer.get("/api/v1/agents").status()).isEqualTo(200);
        assertThat(viewer.post("/api/v1/agents", TestRuntime.agentJson("x", "t", "1.0.0")).status()).isEqualTo(403);

        var outsider = as(token(idpKey, c -> c.claim("groups", List.of("luna-devs"))));
        assertThat(outsider.get("/api/v1/agents").status()).as("no role in the default project").isEqualTo(404);

        var noScopes = as(token(idpKey, c -> c.claim("groups", List.of("team-default"))));
        assertThat(noScopes.get("/api/v1/agents").status()).as("a role without scopes").isEqualTo(403);

        var ops = as(token(idpKey, c -> c.claim("groups", "luna-ops")));
        assertThat(ops.get("/api/v1/audit").status()).isEqualTo(200);
    }

    @Test
    void foreignOrInvalidTokensAreRefused() throws Exception {
        var stranger = new RSAKeyGenerator(2048).keyID("idp-key-1").generate();
        for (String bad : List.of(
                token(stranger, c -> { }),
                token(idpKey, c -> c.audience("someone-else")),
                token(idpKey, c -> c.issuer(ISSUER + "/other")),
                token(idpKey, c -> c.expirationTime(Date.from(Instant.now().minusSeconds(120)))),
                token(idpKey, c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600)))))) {
            var r = as(bad).get("/api/v1/agents");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.errorCode()).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(as(TestRuntime.ADMIN_KEY).get("/api/v1/agents").status()).as("API keys still work beside SSO").isEqualTo(200);
    }

    @Test
    void theSignInEndpointTellsABrowserWhereTheProviderIsAndMeSaysWhoSignedIn() throws Exception {
        var anonymous = new Api(runtime.baseUri(), null);
        var sso = anonymous.get("/api/v1/auth/sso");
        assertThat(sso.status()).as(sso.toString()).isEqualTo(200);
        var d = sso.data();
        assertThat(d.get("enabled").asBoolean()).isTrue();
        assertThat(d.get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(d.get("clientId").asString()).isEqualTo("luna-console");
        assertThat(d.get("audience").asString()).isEqualTo("luna-api");
        assertThat(d.get("authorizationEndpoint").asString()).as("from the discovery document").isEqualTo(ISSUER + "/authorize");
        assertThat(d.get("tokenEndpoint").asString()).isEqualTo(ISSUER + "/token");
        assertThat(d.get("scopes").asString()).isEqualTo("openid profile email");
        assertThat(d.has("reason")).isFalse();
        int reads = discoveryReads.get();
        anonymous.get("/api/v1/auth/sso");
        assertThat(discoveryReads.get()).as("the discovery document is kept").isEqualTo(reads);

        var me = as(token(idpKey, c -> { })).get("/api/v1/auth/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.data().get("subject").asString()).isEqualTo("sso|alice@example.com");
        assertThat(me.data().get("kind").asString()).isEqualTo("sso");
        assertThat(me.data().get("scopes").toString()).isEqualTo("[\"agents:read\",\"agents:write\",\"projects:read\"]");
        assertThat(me.data().get("projectRoles").get("default").asString()).isEqualTo("developer");
        assertThat(me.header("Cache-Control")).contains("no-store");

        var admin = as(TestRuntime.ADMIN_KEY).get("/api/v1/auth/me");
        assertThat(admin.data().get("scopes").toString()).contains("admin:full_access");
        var nobody = anonymous.get("/api/v1/auth/me");
        assertThat(nobody.status()).isEqualTo(401);
        assertThat(nobody.errorCode()).isEqualTo("UNAUTHENTICATED");
    }
}
