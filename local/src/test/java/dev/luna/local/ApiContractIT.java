package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Principal;
import dev.luna.identity.ApiKeyRecord;
import dev.luna.identity.ApiKeyStore;
import dev.luna.store.AwsClients;
import dev.luna.store.LunaConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The API contract: envelopes, request ids, pagination, filters, idempotency, concurrency and authentication. */
class ApiContractIT {
    private final Api api = TestRuntime.admin();

    @Test
    void successEnvelopeCarriesMetaLinksAndRequestId() {
        var r = api.header("X-Request-Id", "client-chosen-id-42").get("/api/v1/agents?limit=5");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Request-Id")).isEqualTo("client-chosen-id-42");
        var json = r.json();
        assertThat(json.get("meta").get("requestId").asString()).isEqualTo("client-chosen-id-42");
        assertThat(json.get("meta").get("version").asString()).isEqualTo("v1");
        assertThat(Instant.parse(json.get("meta").get("timestamp").asString())).isNotNull();
        assertThat(json.get("links").get("self").asString()).isEqualTo("/api/v1/agents?limit=5");
        var generated = api.get("/api/v1/health");
        assertThat(generated.header("X-Request-Id")).startsWith("req_");
    }

    @Test
    void healthNeedsNoCredentials() {
        var r = api.withKey(null).get("/api/v1/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().get("status").asString()).isEqualTo("ok");
        assertThat(r.data().get("checks").get("dynamodb").get("status").asString()).isEqualTo("ok");
        assertThat(r.data().get("checks").get("s3").get("status").asString()).isEqualTo("ok");
    }

    @Test
    void paginationVisitsEveryAgentOnceInNameOrder() {
        String prefix = TestRuntime.unique("page");
        var expected = new ArrayList<String>();
        for (int i = 0; i < 23; i++) {
            String name = prefix + "-" + String.format("%02d", i);
            api.post("/api/v1/agents", TestRuntime.agentJson(name, i % 2 == 0 ? "even-type" : "odd-type", "1.0.0",
                    i % 3 == 0 ? "triple" : "plain"));
            expected.add(name);
        }
        var seen = new ArrayList<String>();
        var forward = new ArrayList<List<String>>();
        String next = "/api/v1/agents?limit=5&namePrefix=" + prefix;
        String prev = null;
        while (next != null) {
            var page = api.get(next);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            var names = new ArrayList<String>();
            page.data().forEach(a -> names.add(a.get("name").asString()));
            seen.addAll(names);
            forward.add(names);
            assertThat(page.json().get("links").has("prev")).as("links.prev on every page but the first").isEqualTo(forward.size() > 1);
            next = link(page, "next");
            prev = link(page, "prev");
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(forward).hasSize(5);
        // and back from the last page to the first through links.prev, over the same pages
        var backward = new ArrayList<List<String>>();
        backward.add(forward.getLast());
        while (prev != null) {
            var page = api.get(prev);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            var names = new ArrayList<String>();
            page.data().forEach(a -> names.add(a.get("name").asString()));
            backward.addFirst(names);
            assertThat(link(page, "next")).as("a page reached by prev links onwards").isNotNull();
            prev = link(page, "prev");
        }
        assertThat(backward).containsExactlyElementsOf(forward);

        var filtered = new ArrayList<String>();
        next = "/api/v1/agents?limit=2&type=even-type&capability=triple&namePrefix=" + prefix;
        while (next != null) {
            var page = api.get(next);
            page.data().forEach(a -> filtered.add(a.get("name").asString()));
            var link = page.json().get("links").get("next");
            next = link == null ? null : link.asString();
        }
        assertThat(filtered).containsExactly(prefix + "-00", prefix + "-06", prefix + "-12", prefix + "-18");
        assertThat(api.get("/api/v1/agents?status=running&namePrefix=" + prefix).data().size()).isZero();
        assertThat(api.get("/api/v1/agents?status=registered&limit=100&namePrefix=" + prefix).data().size()).isEqualTo(23);
        assertThat(api.get("/api/v1/agents?health=healthy&limit=100&namePrefix=" + prefix).data().size()).isEqualTo(23);
    }

    private static String link(Api.Response page, String name) {
        var link = page.json().get("links").get(name);
        return link == null || link.isNull() ? null : link.asString();
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponse() {
        String key = TestRuntime.unique("idem");
        String body = TestRuntime.agentJson(TestRuntime.unique("idem-agent"), "t", "1.0.0");
        var first = api.header("Idempotency-Key", key).post("/api/v1/agents", body);
        var second = api.header("Idempotency-Key", key).post("/api/v1/agents", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.data().get("id").asString()).isEqualTo(first.data().get("id").asString());
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        var other = api.header("Idempotency-Key", key).post("/api/v1/agents", body.replace("1.0.0", "2.0.0"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        String name = Set.of(body).iterator().next();
        assertThat(name).isNotNull();
    }

    @Test
    void concurrentUpdatesLoseNothing() throws Exception {
        var created = api.post("/api/v1/agents", TestRuntime.agentJson(TestRuntime.unique("occ"), "t", "1.0.0"));
        String id = created.data().get("id").asString();
        var ok = api.header("If-Match", created.header("ETag")).put("/api/v1/agents/" + id, "{\"version\":\"1.0.1\"}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("ETag")).isEqualTo("\"2\"");
        var lost = api.header("If-Match", created.header("ETag")).put("/api/v1/agents/" + id, "{\"version\":\"1.0.2\"}");
        assertThat(lost.status()).isEqualTo(412);
        var body = api.put("/api/v1/agents/" + id, "{\"version\":\"1.0.3\",\"revision\":1}");
        assertThat(body.status()).isEqualTo(409);
        assertThat(body.errorCode()).isEqualTo("VERSION_CONFLICT");

        // 8 unconditioned writers racing: each accepted change is its own version record, none lost
        var threads = new ArrayList<Thread>();
        var statuses = java.util.Collections.synchronizedList(new ArrayList<Integer>());
        for (int i = 0; i < 8; i++) {
            int n = i;
            threads.add(Thread.ofVirtual().start(() ->
                    statuses.add(api.put("/api/v1/agents/" + id, "{\"description\":\"writer " + n + "\"}").status())));
        }
        for (var t : threads) t.join();
        long accepted = statuses.stream().filter(s -> s == 200).count();
        var versions = api.get("/api/v1/agents/" + id + "/versions?limit=100").data();
        assertThat(versions.size()).isEqualTo(2 + (int) accepted);
        var numbers = new HashSet<Integer>();
        versions.forEach(v -> numbers.add(v.get("versionNumber").asInt()));
        assertThat(numbers).hasSize(versions.size());
        assertThat(statuses).allMatch(s -> s == 200 || s == 409);
    }

    @Test
    void credentialsAndScopesAreEnforced() {
        var none = api.withKey(null).get("/api/v1/agents");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(api.withKey(null).header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/agents").status()).isEqualTo(401);
        assertThat(api.withKey(null).header("Authorization", "Bearer").get("/api/v1/agents").status()).isEqualTo(401);
        assertThat(api.withKey(null).header("Authorization", "Bearer a b").get("/api/v1/agents").status()).isEqualTo(401);
        assertThat(api.withKey("luna_this_key_does_not_exist_anywhere").get("/api/v1/agents").status()).isEqualTo(401);
        assertThat(api.withKey("not-even-a-luna-key").get("/api/v1/agents").status()).isEqualTo(401);

        String reader = "luna_reader_" + TestRuntime.unique("k").replace('-', '_');
        String expired = "luna_expired_" + TestRuntime.unique("k").replace('-', '_');
        String revoked = "luna_revoked_" + TestRuntime.unique("k").replace('-', '_');
        var runtime = TestRuntime.shared();
        var config = LunaConfig.from(Map.of(LunaConfig.DYNAMODB_ENDPOINT, runtime.emulators().dynamoEndpoint().toString(),
                LunaConfig.RESOURCE_PREFIX, "luna")::get);
        try (var aws = new AwsClients(config)) {
            var store = new ApiKeyStore(aws);
            Instant now = Instant.now();
            store.put(new ApiKeyRecord("key_reader", "reader", reader.substring(0, 9), ApiKeyStore.hash(reader), "usr_admin",
                    Set.of("agents:read"), null, ApiKeyRecord.ACTIVE, now, null, null, null));
            store.put(new ApiKeyRecord("key_expired", "expired", expired.substring(0, 9), ApiKeyStore.hash(expired), "usr_admin",
                    Set.of(Principal.ADMIN), null, ApiKeyRecord.ACTIVE, now, now.minusSeconds(1), null, null));
            store.put(new ApiKeyRecord("key_revoked", "revoked", revoked.substring(0, 9), ApiKeyStore.hash(revoked), "usr_admin",
                    Set.of(Principal.ADMIN), null, ApiKeyRecord.REVOKED, now, null, now, null));
        }
        assertThat(api.withKey(reader).get("/api/v1/agents").status()).isEqualTo(200);
        var forbidden = api.withKey(reader).post("/api/v1/agents", TestRuntime.agentJson("x", "t", "1.0.0"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(forbidden.json().get("error").get("message").asString()).contains("agents:write");
        var expiredAnswer = api.withKey(expired).get("/api/v1/agents");
        var revokedAnswer = api.withKey(revoked).get("/api/v1/agents");
        assertThat(expiredAnswer.status()).isEqualTo(401);
        assertThat(revokedAnswer.status()).isEqualTo(401);
        assertThat(expiredAnswer.json().get("error").get("message").asString())
                .as("no hint which check failed").isEqualTo(revokedAnswer.json().get("error").get("message").asString());
    }
}
