package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Projects, members, API keys and tokens over HTTP, as an administrator and as ordinary users. */
class IdentityIT {
    private final Api admin = TestRuntime.admin();

    /** A key for {@code user} with {@code scopes}, created by the administrator. */
    static String keyFor(Api admin, String user, String scopes) {
        var r = admin.post("/api/v1/api-keys", "{\"name\":\"k\",\"owner\":\"" + user + "\",\"scopes\":[" + scopes + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.data().get("secret").asString();
    }

    @Test
    void withoutAnIdentityProviderSsoSignInIsOffAndSaysWhy() {
        var sso = admin.withKey(null).get("/api/v1/auth/sso");
        assertThat(sso.status()).as(sso.toString()).isEqualTo(200);
        assertThat(sso.data().get("enabled").asBoolean()).isFalse();
        assertThat(sso.data().get("reason").asString()).contains("LUNA_SSO_ISSUER");
        assertThat(sso.data().has("authorizationEndpoint")).isFalse();
    }

    @Test
    void projectsMembersAndTheLastOwner() {
        String alice = TestRuntime.unique("usr-alice");
        String bob = TestRuntime.unique("usr-bob");
        var aliceApi = admin.withKey(keyFor(admin, alice, "\"projects:read\",\"projects:write\",\"agents:read\",\"agents:write\""));
        var bobApi = admin.withKey(keyFor(admin, bob, "\"projects:read\",\"projects:write\",\"agents:read\",\"agents:write\""));

        var created = aliceApi.post("/api/v1/projects", "{\"name\":\"Payments\",\"description\":\"team\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String project = created.data().get("id").asString();
        assertThat(project).startsWith("prj_");
        assertThat(created.data().get("yourRole").asString()).isEqualTo("owner");

        assertThat(bobApi.get("/api/v1/projects/" + project).status()).as("not a member: it does not exist for bob").isEqualTo(404);
        assertThat(bobApi.post("/api/v1/agents", agentIn(project)).status()).isEqualTo(404);
        assertThat(aliceApi.get("/api/v1/projects").data().toString()).contains(project);
        assertThat(bobApi.get("/api/v1/projects").data().toString()).doesNotContain(project);

        var added = aliceApi.post("/api/v1/projects/" + project + "/members", "{\"userId\":\"" + bob + "\",\"role\":\"viewer\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(bobApi.get("/api/v1/projects/" + project).data().get("yourRole").asString()).isEqualTo("viewer");
        var denied = bobApi.post("/api/v1/agents", agentIn(project));
        assertThat(denied.status()).as("a viewer cannot write").isEqualTo(403);
        assertThat(denied.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(bobApi.put("/api/v1/projects/" + project, "{\"name\":\"Mine now\"}").status()).isEqualTo(403);

        aliceApi.post("/api/v1/projects/" + project + "/members", "{\"userId\":\"" + bob + "\",\"role\":\"developer\"}");
        var agent = bobApi.post("/api/v1/agents", agentIn(project));
        assertThat(agent.status()).as("a developer can write agents").isEqualTo(201);
        assertThat(agent.data().get("projectId").asString()).isEqualTo(project);
        assertThat(bobApi.get("/api/v1/agents?projectId=" + project).data().size()).isEqualTo(1);
        assertThat(bobApi.post("/api/v1/projects/" + project + "/members", "{\"userId\":\"x\",\"role\":\"viewer\"}").status())
                .as("a developer cannot manage members").isEqualTo(403);

        var lastOwner = aliceApi.delete("/api/v1/projects/" + project + "/members/" + alice);
        assertThat(lastOwner.status()).isEqualTo(409);
        assertThat(lastOwner.errorCode()).isEqualTo("CONFLICT");
        assertThat(aliceApi.post("/api/v1/projects/" + project + "/members", "{\"userId\":\"" + alice + "\",\"role\":\"admin\"}").status())
                .as("nor demoted").isEqualTo(409);
        aliceApi.post("/api/v1/projects/" + project + "/members", "{\"userId\":\"" + bob + "\",\"role\":\"admin\"}");
        assertThat(bobApi.post("/api/v1/projects/" + project + "/members", "{\"userId\":\"" + bob + "\",\"role\":\"owner\"}").status())
                .as("an admin cannot make owners").isEqualTo(403);
        assertThat(bobApi.delete("/api/v1/projects/" + project + "/members/" + alice).status()).as("nor remove them").isEqualTo(403);
        aliceApi.post("/api/v1/projects/" + project + "/members", "{\"userId\":\"" + bob + "\",\"role\":\"owner\"}");
        assertThat(aliceApi.delete("/api/v1/projects/" + project + "/members/" + alice).status()).as("two owners: one may go").isEqualTo(200);
        assertThat(aliceApi.get("/api/v1/projects/" + project).status()).isEqualTo(404);
        var members = bobApi.get("/api/v1/projects/" + project + "/members").data();
        assertThat(members.size()).isEqualTo(1);
        assertThat(members.get(0).get("role").asString()).isEqualTo("owner");

        assertThat(bobApi.delete("/api/v1/projects/" + project).status()).isEqualTo(200);
        assertThat(bobApi.get("/api/v1/projects/" + project).status()).isEqualTo(404);
        assertThat(bobApi.get("/api/v1/agents/" + agent.data().get("id").asString()).status()).as("gone with the project").isEqualTo(404);
    }

    @Test
    void apiKeysNeverExceedTheirCreatorAndRevokeAtOnce() {
        String carol = TestRuntime.unique("usr-carol");
        var carolApi = admin.withKey(keyFor(admin, carol, "\"agents:read\",\"projects:read\""));
        var escalate = carolApi.post("/api/v1/api-keys", "{\"name\":\"more\",\"scopes\":[\"agents:write\"]}");
        assertThat(escalate.status()).isEqualTo(403);
        assertThat(carolApi.post("/api/v1/api-keys", "{\"name\":\"admin\",\"scopes\":[\"admin:full_access\"]}").status()).isEqualTo(403);
        assertThat(carolApi.post("/api/v1/api-keys", "{\"name\":\"x\",\"scopes\":[\"agents:read\"],\"owner\":\"usr_admin\"}").status())
                .isEqualTo(403);
        assertThat(carolApi.post("/api/v1/api-keys", "{\"name\":\"x\",\"scopes\":[\"teleport\"]}").errorCode()).isEqualTo("VALIDATION_FAILED");

        var created = carolApi.post("/api/v1/api-keys", "{\"name\":\"reader\",\"scopes\":[\"agents:read\"],\"expiresInDays\":30}");
        assertThat(created.status()).isEqualTo(201);
        String secret = created.data().get("secret").asString();
        String id = created.data().get("key").get("id").asString();
        assertThat(secret).startsWith("luna_").hasSizeGreaterThan(40);
        assertThat(created.data().get("key").has("hash")).isFalse();
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");

        var listed = carolApi.get("/api/v1/api-keys");
        assertThat(listed.body()).doesNotContain(secret).contains(secret.substring(0, 12)).doesNotContain("\"hash\"");
        assertThat(listed.data().size()).isEqualTo(2);
        var reader = admin.withKey(secret);
        assertThat(reader.get("/api/v1/agents").status()).as("not a member of the default project").isEqualTo(404);
        assertThat(reader.get("/api/v1/projects").status()).as("needs projects:read, which this key lacks").isEqualTo(403);
        assertThat(admin.withKey(secret).post("/api/v1/agents", TestRuntime.agentJson("x", "t", "1.0.0")).status()).isEqualTo(403);

        assertThat(admin.withKey(keyFor(admin, TestRuntime.unique("usr-eve"), "\"agents:read\"")).delete("/api/v1/api-keys/" + id).status())
                .as("someone else's key does not exist for you").isEqualTo(404);
        assertThat(carolApi.delete("/api/v1/api-keys/" + id).data().get("status").asString()).isEqualTo("revoked");
        assertThat(admin.withKey(secret).get("/api/v1/agents").status()).as("revoked at once").isEqualTo(401);
        assertThat(carolApi.get("/api/v1/projects").status()).as("the creator's key still works").isEqualTo(200);
        assertThat(carolApi.delete("/api/v1/api-keys/" + id).errorCode()).isEqualTo("INVALID_TRANSITION");
    }

    @Test
    void tokensRefreshRotateAndReplayRevokesTheFamily() {
        String dave = TestRuntime.unique("usr-dave");
        String key = keyFor(admin, dave, "\"agents:read\",\"projects:read\"");
        var anon = admin.withKey(null);
        var issued = anon.post("/api/v1/auth/token", "{\"grant_type\":\"api_key\",\"api_key\":\"" + key + "\"}");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        JsonNode t = issued.data();
        assertThat(t.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(t.get("expires_in").asLong()).isBetween(290L, 300L);
        assertThat(t.get("refresh_expires_in").asLong()).isBetween(7 * 86400L - 10, 7 * 86400L);
        String access = t.get("access_token").asString();
        String refresh = t.get("refresh_token").asString();
        assertThat(admin.withKey(access).get("/api/v1/projects").status()).isEqualTo(200);
        assertThat(admin.withKey(access).post("/api/v1/agents", TestRuntime.agentJson("x", "t", "1.0.0")).status()).isEqualTo(403);

        var jwks = anon.get("/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().get("keys").get(0).get("kty").asString()).isEqualTo("EC");
        assertThat(jwks.json().get("keys").get(0).has("d")).as("no private part").isFalse();

        var rotated = anon.post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + refresh + "\"}");
        assertThat(rotated.status()).isEqualTo(200);
        String refresh2 = rotated.data().get("refresh_token").asString();
        assertThat(refresh2).isNotEqualTo(refresh);
        var replay = anon.post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + refresh + "\"}");
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().get("error").get("message").asString()).contains("reuse");
        assertThat(anon.post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + refresh2 + "\"}").status())
                .as("the whole family is revoked").isEqualTo(401);

        var cc = anon.post("/api/v1/auth/token", "{\"grant_type\":\"client_credentials\",\"client_id\":\"nope\",\"client_secret\":\"" + key + "\"}");
        assertThat(cc.status()).isEqualTo(401);
        var narrow = anon.post("/api/v1/auth/token", "{\"grant_type\":\"api_key\",\"api_key\":\"" + key + "\",\"scope\":\"agents:read\"}");
        assertThat(narrow.data().get("scope").asString()).isEqualTo("agents:read");
        assertThat(anon.post("/api/v1/auth/token", "{\"grant_type\":\"api_key\",\"api_key\":\"" + key + "\",\"scope\":\"agents:write\"}").status())
                .isEqualTo(403);

        String access2 = narrow.data().get("access_token").asString();
        assertThat(anon.post("/api/v1/auth/revoke", "{\"token\":\"" + access2 + "\"}").status()).isEqualTo(200);
        assertThat(admin.withKey(access2).get("/api/v1/agents").status()).as("revoked access token").isEqualTo(401);
        assertThat(admin.withKey(access).get("/api/v1/projects").status()).as("other tokens unaffected").isEqualTo(200);
        String refresh3 = narrow.data().get("refresh_token").asString();
        assertThat(anon.post("/api/v1/auth/revoke", "{\"token\":\"" + refresh3 + "\"}").status()).isEqualTo(200);
        assertThat(anon.post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + refresh3 + "\"}").status()).isEqualTo(401);
        assertThat(anon.post("/api/v1/auth/revoke", "{\"token\":\"garbage\"}").status()).as("RFC 7009: same answer").isEqualTo(200);
    }

    @Test
    void revokingTheKeyEndsItsRefreshSessions() {
        String erin = TestRuntime.unique("usr-erin");
        var created = admin.post("/api/v1/api-keys", "{\"name\":\"k\",\"owner\":\"" + erin + "\",\"scopes\":[\"agents:read\"]}");
        String secret = created.data().get("secret").asString();
        var anon = admin.withKey(null);
        String refresh = anon.post("/api/v1/auth/token", "{\"grant_type\":\"api_key\",\"api_key\":\"" + secret + "\"}")
                .data().get("refresh_token").asString();
        admin.delete("/api/v1/api-keys/" + created.data().get("key").get("id").asString());
        assertThat(anon.post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + refresh + "\"}").status()).isEqualTo(401);
        assertThat(anon.post("/api/v1/auth/token", "{\"grant_type\":\"api_key\",\"api_key\":\"" + secret + "\"}").status()).isEqualTo(401);
    }

    @Test
    void signingKeysRotateAndOldTokensStillVerify() {
        var anon = admin.withKey(null);
        String before = anon.post("/api/v1/auth/token", "{\"grant_type\":\"api_key\",\"api_key\":\"" + TestRuntime.ADMIN_KEY + "\"}")
                .data().get("access_token").asString();
        var rotated = admin.post("/api/v1/auth/keys/rotate", null);
        assertThat(rotated.status()).isEqualTo(200);
        String kid = rotated.data().get("kid").asString();
        assertThat(anon.get("/.well-known/jwks.json").body()).contains(kid);
        String after = anon.post("/api/v1/auth/token", "{\"grant_type\":\"api_key\",\"api_key\":\"" + TestRuntime.ADMIN_KEY + "\"}")
                .data().get("access_token").asString();
        assertThat(JwtParts.header(after).get("kid").asString()).isEqualTo(kid);
        assertThat(admin.withKey(before).get("/api/v1/agents").status()).as("signed by the retired key").isEqualTo(200);
        assertThat(admin.withKey(after).get("/api/v1/agents").status()).isEqualTo(200);
    }

    private static String agentIn(String project) {
        return "{\"projectId\":\"" + project + "\",\"name\":\"a\",\"type\":\"t\",\"version\":\"1.0.0\",\"config\":{\"runtime\":\"java\"}}";
    }
}
