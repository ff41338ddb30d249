package dev.luna.realtime.push;

import dev.luna.core.Json;
import dev.luna.store.LunaConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expo's push API: {@code POST <LUNA_EXPO_PUSH_URL>} with a JSON array of messages {@code {to, title, body, data,
 * sound}} (at most 100 per request), {@code Authorization: Bearer <LUNA_EXPO_ACCESS_TOKEN>} when set. Its answer holds
 * one ticket per message, {@code {"status": "ok"}} or {@code {"status": "error", "details": {"error":
 * "DeviceNotRegistered"}}}; the tokens of the latter are returned so their devices can be forgotten. Without a URL
 * (the local default) nothing is sent and the payload is logged.
 */
public final class ExpoPush {
    public static final String URL_SETTING = "LUNA_EXPO_PUSH_URL";
    public static final String TOKEN_SETTING = "LUNA_EXPO_ACCESS_TOKEN";
    /** Expo's production endpoint (what Terraform sets by default). */
    public static final String EXPO_URL = "https://exp.host/--/api/v2/push/send";
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(ExpoPush.class);

    private final URI url;
    private final String accessToken;
    private final HttpClient http;

    public ExpoPush(URI url, String accessToken, HttpClient http) {
        this.url = url;
        this.accessToken = accessToken == null || accessToken.isBlank() ? null : accessToken;
        this.http = http;
    }

    public static ExpoPush from(LunaConfig config) {
        String url = config.setting(URL_SETTING, "");
        return new ExpoPush(url.isBlank() ? null : URI.create(url), config.setting(TOKEN_SETTING, null),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** One notification to one device. */
    public record Message(String to, String title, String body, Map<String, Object> data) {
        Map<String, Object> wire() {
            var m = new LinkedHashMap<String, Object>();
            m.put("to", to);
            m.put("title", title);
            m.put("body", body);
            m.put("data", data);
            m.put("sound", "default");
            return m;
        }
    }

    /** What a send did: how many messages Expo accepted, the tokens it says are no longer registered, other errors. */
    public record Outcome(int sent, List<String> deadTokens, List<String> errors, boolean logged) {
    }

    /** The push service's own failure (non-2xx, unreachable): worth retrying later. */
    public static final class PushFailure extends RuntimeException {
        public PushFailure(String message) {
            super(message);
        }
    }

    public boolean configured() {
        return url != null;
    }

    public Outcome send(List<Message> messages) {
        if (messages.isEmpty()) return new Outcome(0, List.of(), List.of(), false);
        if (url == null) {
            log.info("push not configured ({} unset); would send: {}", URL_SETTING, Json.write(messages.stream().map(Message::wire).toList()));
            return new Outcome(0, List.of(), List.of(), true);
        }
        int sent = 0;
        var dead = new ArrayList<String>();
        var errors = new ArrayList<String>();
        for (int from = 0; from < messages.size(); from += BATCH) {
            var batch = messages.subList(from, Math.min(messages.size(), from + BATCH));
            var req = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("User-Agent", "Luna-Push/1")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(batch.stream().map(Message::wire).toList())));
            if (accessToken != null) req.header("Authorization", "Bearer " + accessToken);
            HttpResponse<String> resp;
            try {
                resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new PushFailure("push service unreachable: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PushFailure("interrupted");
            }
            if (resp.statusCode() / 100 != 2) throw new PushFailure("push service answered HTTP " + resp.statusCode());
            var tickets = Json.tree(resp.body()).path("data");
            for (int i = 0; i < batch.size(); i++) {
                var t = tickets.path(i);
                if ("ok".equals(t.path("status").asString(""))) {
                    sent++;
                } else {
                    String error = t.path("details").path("error").asString("");
                    if ("DeviceNotRegistered".equals(error)) dead.add(batch.get(i).to());
                    else errors.add(error.isEmpty() ? t.path("message").asString("no ticket") : error);
                }
            }
        }
        if (!errors.isEmpty()) log.warn("push: {} message(s) refused: {}", errors.size(), errors);
        return new Outcome(sent, dead, errors, false);
    }
}
