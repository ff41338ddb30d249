package dev.luna.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;

/** The one HTTP client of the CLI: the public REST API with a bearer key, answers unwrapped from the envelope. */
final class Api {
    private static final String USER_AGENT = "luna-cli/" + Luna.VERSION;
    private final URI base;
    private final String key;
    private final HttpClient http;

    Api(String baseUrl, String key) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        this.key = key;
        // redirects are followed by hand: a presigned S3 URL must not receive our Authorization header
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A successful answer: status, body (JSON envelope for most calls) and headers. */
    record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            return body.isBlank() ? Json.object() : Json.parse(body);
        }

        /** The envelope's data (the whole body when it is not an envelope). */
        JsonNode data() {
            var json = json();
            return json.has("data") ? json.get("data") : json;
        }

        JsonNode links() {
            return json().path("links");
        }
    }

    Answer get(String path) {
        return send("GET", path, null, Map.of());
    }

    Answer post(String path, JsonNode body) {
        return send("POST", path, body, Map.of());
    }

    Answer delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    Answer send(String method, String path, JsonNode body, Map<String, String> headers) {
        return send(method, path, body, headers, Duration.ofSeconds(60));
    }

    Answer send(String method, String path, JsonNode body, Map<String, String> headers, Duration timeout) {
        var request = request(path, timeout);
        headers.forEach(request::setHeader);
        if (body != null) request.header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Json.compact(body), StandardCharsets.UTF_8));
        var response = exchange(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() >= 400) throw ApiException.fromEnvelope(response.statusCode(), response.body());
        return new Answer(response.statusCode(), response.body(), response.headers());
    }

    /** Downloads a file (an artifact) to {@code target}, following one redirect (AWS: a presigned S3 URL) without the key. */
    long download(String path, Path target) {
        var response = exchange(request(path, Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() / 100 == 3) {
            var location = response.headers().firstValue("Location").orElseThrow(() -> new CliException(ExitCode.API, "redirect without Location"));
            close(response.body());
            var plain = HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofMinutes(5)).GET().build();
            response = exchange(plain, HttpResponse.BodyHandlers.ofInputStream());
        }
        try (var in = response.body()) {
            if (response.statusCode() >= 400) {
                throw ApiException.fromEnvelope(response.statusCode(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            Files.createDirectories(target.getParent());
            return Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CliException(ExitCode.API, "cannot write " + target + ": " + e.getMessage());
        }
    }

    String baseUrl() {
        return base.toString();
    }

    /** A path with its query built from the non-null parameters, values URL-encoded. */
    static String path(String path, Map<String, ?> query) {
        var joiner = new StringJoiner("&", path + "?", "").setEmptyValue(path);
        query.forEach((k, v) -> {
            if (v != null && !v.toString().isBlank()) {
                joiner.add(k + "=" + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
            }
        });
        return joiner.toString();
    }

    static Map<String, Object> query(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        var uri = path.startsWith("http://") || path.startsWith("https://") ? URI.create(path) : URI.create(base + path);
        var builder = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT)
                .header("Accept", "application/json");
        if (key != null) builder.header("Authorization", "Bearer " + key);
        return builder;
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw ApiException.network(request.uri().getScheme() + "://" + request.uri().getAuthority(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.API, "interrupted");
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the redirect's body is not needed
        }
    }
}
