package dev.luna.local;

import dev.luna.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/** Reads the parts of a compact JWS in tests. */
final class JwtParts {
    private JwtParts() {
    }

    static JsonNode header(String jwt) {
        return Json.tree(decode(jwt.split("\\.")[0]));
    }

    static JsonNode claims(String jwt) {
        return Json.tree(decode(jwt.split("\\.")[1]));
    }

    static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
