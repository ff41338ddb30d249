package agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls the upstream API at {@code UPSTREAM_BASE_URL}. Each tool passes its method, path template, path and query
 * values and an optional JSON body; the answer comes back as {@code {"status": 200, "body": …}} so the model sees
 * errors too. Credentials come from the environment only: {@code UPSTREAM_API_KEY} (sent as {@code UPSTREAM_API_KEY_HEADER},
 * default {@code X-API-Key}) or {@code UPSTREAM_TOKEN} (sent as a bearer token).
 */
public final class Upstream {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_CHARS = 20_000;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final Map<String, String> env;

    public Upstream(String defaultBaseUrl, Map<String, String> env) {
        this.env = env;
        String configured = env.getOrDefault("UPSTREAM_BASE_URL", defaultBaseUrl);
        this.baseUrl = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Calls {@code method path} with the path parameters filled in, the non-null query values and the body (or null). */
    public Map<String, Object> call(String method, String pathTemplate, Map<String, Object> pathValues, Map<String, Object> query, Object body) {
        var result = new LinkedHashMap<String, Object>();
        try {
            var request = HttpRequest.newBuilder(URI.create(baseUrl + path(pathTemplate, pathValues) + queryString(query)))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
            String apiKey = env.get("UPSTREAM_API_KEY");
            if (apiKey != null && !apiKey.isBlank()) request.header(env.getOrDefault("UPSTREAM_API_KEY_HEADER", "X-API-Key"), apiKey);
            String token = env.get("UPSTREAM_TOKEN");
            if (token != null && !token.isBlank()) request.header("Authorization", "Bearer " + token);
            if (body != null) {
                request.header("Content-Type", "application/json");
                request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            result.put("status", response.statusCode());
            result.put("body", parse(response.body()));
        } catch (IOException | IllegalArgumentException e) {
            result.put("status", 0);
            result.put("error", "the upstream API could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.put("status", 0);
            result.put("error", "interrupted");
        }
        return result;
    }

    /** A JSON object of the given name/value pairs, leaving out null values (a tool's body from its optional arguments). */
    public static Map<String, Object> json(Object... namesAndValues) {
        var out = new LinkedHashMap<String, Object>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) out.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return out;
    }

    static String path(String template, Map<String, Object> values) {
        String out = template;
        for (var e : values.entrySet()) {
            String value = e.getValue() == null ? "" : String.valueOf(e.getValue());
            out = out.replace("{" + e.getKey() + "}", URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out;
    }

    static String queryString(Map<String, Object> query) {
        var sb = new StringBuilder();
        for (var e : query.entrySet()) {
            if (e.getValue() == null) continue;
            sb.append(sb.length() == 0 ? '?' : '&').append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private static Object parse(String body) {
        if (body == null || body.isBlank()) return "";
        String text = body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) : body;
        try {
            return JSON.readValue(text, Object.class);
        } catch (IOException e) {
            return text;
        }
    }
}
