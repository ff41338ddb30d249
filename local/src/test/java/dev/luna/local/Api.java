package dev.luna.local;

import dev.luna.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A small HTTP client for tests: speaks to a running local runtime over a real socket. */
final class Api {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String key;
    private final Map<String, String> headers = new LinkedHashMap<>();

    Api(URI base, String key) {
        this.base = base;
        this.key = key;
    }

    Api withKey(String otherKey) {
        return new Api(base, otherKey);
    }

    Api header(String name, String value) {
        var api = new Api(base, key);
        api.headers.putAll(headers);
        api.headers.put(name, value);
        return api;
    }

    record Response(int status, HttpResponse<String> raw) {
        JsonNode json() {
            return Json.tree(raw.body());
        }

        JsonNode data() {
            return json().get("data");
        }

        String errorCode() {
            return json().path("error").path("code").asString();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String body() {
            return raw.body();
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, String json) {
        return send("POST", path, json);
    }

    Response put(String path, String json) {
        return send("PUT", path, json);
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** A GET answered with bytes (a downloaded artifact): the status, the bytes and the response's headers. */
    record Download(int status, byte[] bytes, java.net.http.HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    Download download(String path) {
        var b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET();
        if (key != null) b.header("Authorization", "Bearer " + key);
        try {
            var raw = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(raw.statusCode(), raw.body(), raw.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response send(String method, String path, String body) {
        var b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        if (key != null) b.header("Authorization", "Bearer " + key);
        headers.forEach(b::header);
        try {
            var raw = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(raw.statusCode(), raw);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
