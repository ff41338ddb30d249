package dev.luna.http;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.store.LunaConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The origin's check that a request came through the edge Worker, which adds {@code X-Luna-Edge-Secret}. Off unless
 * the setting {@code LUNA_EDGE_SECRET} is set; then a request without one of its comma-separated secrets (two during a
 * rotation: the new one first, the old one until every Worker sends the new) is a 403. Compared in constant time, on
 * digests so that not even the length leaks. The health probes (readiness and liveness) stay open, for load balancers and uptime checks.
 */
final class EdgeSecret {
    static final String HEADER = "X-Luna-Edge-Secret";
    static final String SETTING = "LUNA_EDGE_SECRET";
    private static final java.util.Set<String> OPEN_FUNCTIONS = java.util.Set.of("health", "health-live");
    private final List<byte[]> accepted;

    private EdgeSecret(List<byte[]> accepted) {
        this.accepted = accepted;
    }

    static EdgeSecret of(LunaConfig config) {
        var digests = new ArrayList<byte[]>();
        String value = config.setting(SETTING, "");
        for (String secret : value.split(",")) {
            if (!secret.isBlank()) digests.add(digest(secret.strip()));
        }
        return new EdgeSecret(List.copyOf(digests));
    }

    boolean required() {
        return !accepted.isEmpty();
    }

    /** Throws a 403 unless the secret is off, the function is the health probe, or the header carries an accepted secret. */
    void check(String function, Map<String, String> headers) {
        if (accepted.isEmpty() || OPEN_FUNCTIONS.contains(function)) return;
        String sent = headers.get(HEADER);
        if (sent != null) {
            byte[] digest = digest(sent);
            boolean match = false;
            for (byte[] a : accepted) match |= MessageDigest.isEqual(a, digest);
            if (match) return;
        }
        throw new LunaException(ErrorCode.FORBIDDEN, "This origin only answers requests that come through the Luna edge");
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
