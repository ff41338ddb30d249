package dev.luna.identity;

import dev.luna.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * What a browser needs to sign in with the configured identity provider (the web console's OIDC authorization-code
 * flow with PKCE, as a public client): client id, authorization and token endpoints, scopes to ask for, and the
 * audience the platform accepts. Endpoints not set explicitly come from the provider's discovery document
 * ({@code <issuer>/.well-known/openid-configuration}), whose {@code issuer} must be the configured one; a discovery
 * answer is kept for an hour, a failed discovery is retried after 30 seconds.
 */
public final class SsoLogin {
    static final Duration KEEP = Duration.ofHours(1);
    static final Duration RETRY = Duration.ofSeconds(30);
    private final SsoSettings settings;
    private final Clock clock;
    private final Supplier<HttpClient> http;
    private volatile Cached cached;

    /** The public answer of {@code GET /api/v1/auth/sso}; only {@code enabled} and {@code reason} when off. */
    public record View(boolean enabled, String issuer, String clientId, String audience, String authorizationEndpoint,
                       String tokenEndpoint, String scopes, String reason) {
        static View off(String reason) {
            return new View(false, null, null, null, null, null, null, reason);
        }
    }

    private record Cached(View view, Instant until) {
    }

    /**
     * The HTTP client is built on the first discovery: building one initialises the JVM's default TLS context (the
     * trust store and about 400 classes), which every function's cold start would otherwise pay for a feature most
     * deployments leave off.
     */
    public SsoLogin(SsoSettings settings, Clock clock) {
        this(settings, clock, new LazyHttpClient());
    }

    SsoLogin(SsoSettings settings, Clock clock, HttpClient http) {
        this(settings, clock, () -> http);
    }

    private SsoLogin(SsoSettings settings, Clock clock, Supplier<HttpClient> http) {
        this.settings = settings;
        this.clock = clock;
        this.http = http;
    }

    private static final class LazyHttpClient implements Supplier<HttpClient> {
        private HttpClient client;

        @Override
        public synchronized HttpClient get() {
            if (client == null) {
                client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                        .followRedirects(HttpClient.Redirect.NORMAL).build();
            }
            return client;
        }
    }

    public View view() {
        if (settings == null) return View.off("SSO is not configured (LUNA_SSO_ISSUER)");
        var login = settings.login();
        if (login.clientId() == null) return View.off("Browser sign-in is not configured (LUNA_SSO_CLIENT_ID)");
        if (login.authorizationUrl() != null && login.tokenUrl() != null) {
            return enabled(login.authorizationUrl().toString(), login.tokenUrl().toString());
        }
        var c = cached;
        Instant now = clock.instant();
        if (c == null || now.isAfter(c.until())) {
            View v = discover();
            c = new Cached(v, now.plus(v.enabled() ? KEEP : RETRY));
            cached = c;
        }
        return c.view();
    }

    private View discover() {
        var login = settings.login();
        URI uri = URI.create(settings.issuer().replaceAll("/+$", "") + "/.well-known/openid-configuration");
        try {
            var response = http.get().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) return View.off("The provider's discovery document answered " + response.statusCode());
            JsonNode doc = Json.tree(response.body());
            if (!settings.issuer().equals(text(doc, "issuer"))) {
                return View.off("The provider's discovery document names another issuer");
            }
            String authorization = login.authorizationUrl() != null ? login.authorizationUrl().toString() : httpUrl(doc, "authorization_endpoint");
            String token = login.tokenUrl() != null ? login.tokenUrl().toString() : httpUrl(doc, "token_endpoint");
            if (authorization == null || token == null) {
                return View.off("The provider's discovery document has no authorization or token endpoint");
            }
            return enabled(authorization, token);
        } catch (IOException | RuntimeException e) {
            return View.off("The provider's discovery document could not be read");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return View.off("The provider's discovery document could not be read");
        }
    }

    private static String httpUrl(JsonNode doc, String field) {
        String v = text(doc, field);
        return v != null && (v.startsWith("https://") || v.startsWith("http://")) ? v : null;
    }

    private static String text(JsonNode doc, String field) {
        JsonNode n = doc.get(field);
        return n != null && n.isString() ? n.asString() : null;
    }

    private View enabled(String authorization, String token) {
        var login = settings.login();
        return new View(true, settings.issuer(), login.clientId(), settings.audience(), authorization, token, login.scopes(), null);
    }
}
