package dev.luna.identity;

import dev.luna.core.Json;
import dev.luna.core.ProjectRole;
import dev.luna.store.LunaConfig;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An external OAuth 2.0 / OIDC identity provider whose access or ID tokens Luna accepts, and how their claims map
 * to Luna: {@code LUNA_SSO_ISSUER}, {@code LUNA_SSO_AUDIENCE}, {@code LUNA_SSO_JWKS_URL}, {@code LUNA_SSO_GROUPS_CLAIM}
 * (default {@code groups}), {@code LUNA_SSO_GROUP_SCOPES} (JSON: group → scopes) and {@code LUNA_SSO_GROUP_ROLES}
 * (JSON: group → {projectId: role}). Absent issuer = SSO off.
 *
 * <p>Browser sign-in (the web console's authorization-code flow with PKCE, as a public client) also needs
 * {@code LUNA_SSO_CLIENT_ID}; the provider's endpoints come from its discovery document
 * ({@code <issuer>/.well-known/openid-configuration}) unless {@code LUNA_SSO_AUTHORIZATION_URL} and
 * {@code LUNA_SSO_TOKEN_URL} name them; {@code LUNA_SSO_SCOPES} (default {@code openid profile email}) is what it asks
 * for.
 */
public record SsoSettings(String issuer, String audience, URI jwksUrl, String groupsClaim,
                          Map<String, Set<String>> groupScopes, Map<String, Map<String, ProjectRole>> groupRoles,
                          Login login) {

    /** What a browser needs to sign in at the provider; {@code clientId} null = browser sign-in off. */
    public record Login(String clientId, URI authorizationUrl, URI tokenUrl, String scopes) {
        static Login from(LunaConfig config) {
            return new Login(config.setting("LUNA_SSO_CLIENT_ID", null), uri(config, "LUNA_SSO_AUTHORIZATION_URL"),
                    uri(config, "LUNA_SSO_TOKEN_URL"), config.setting("LUNA_SSO_SCOPES", "openid profile email"));
        }

        private static URI uri(LunaConfig config, String name) {
            String value = config.setting(name, null);
            if (value == null) return null;
            URI uri = URI.create(value);
            if (!uri.isAbsolute() || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw new IllegalStateException(name + " must be an absolute http(s) URL: " + value);
            }
            return uri;
        }
    }

    public static SsoSettings from(LunaConfig config) {
        String issuer = config.setting("LUNA_SSO_ISSUER", null);
        if (issuer == null) return null;
        String jwks = config.setting("LUNA_SSO_JWKS_URL", null);
        String audience = config.setting("LUNA_SSO_AUDIENCE", null);
        if (jwks == null || audience == null) {
            throw new IllegalStateException("LUNA_SSO_ISSUER is set: LUNA_SSO_AUDIENCE and LUNA_SSO_JWKS_URL are required too");
        }
        var scopes = new LinkedHashMap<String, Set<String>>();
        JsonNode s = Json.tree(config.setting("LUNA_SSO_GROUP_SCOPES", "{}"));
        for (var e : s.properties()) {
            scopes.put(e.getKey(), Set.copyOf(e.getValue().valueStream().map(JsonNode::asString).toList()));
        }
        var roles = new LinkedHashMap<String, Map<String, ProjectRole>>();
        JsonNode r = Json.tree(config.setting("LUNA_SSO_GROUP_ROLES", "{}"));
        for (var e : r.properties()) {
            var perProject = new LinkedHashMap<String, ProjectRole>();
            for (var p : e.getValue().properties()) {
                var role = ProjectRole.fromWire(p.getValue().asString());
                if (role == null) throw new IllegalStateException("LUNA_SSO_GROUP_ROLES: unknown role " + p.getValue() + " for group " + e.getKey());
                perProject.put(p.getKey(), role);
            }
            roles.put(e.getKey(), Map.copyOf(perProject));
        }
        return new SsoSettings(issuer, audience, URI.create(jwks), config.setting("LUNA_SSO_GROUPS_CLAIM", "groups"),
                Map.copyOf(scopes), Map.copyOf(roles), Login.from(config));
    }

    /** Scopes and project roles of a token's groups. */
    Mapping map(List<String> groups) {
        var s = new java.util.LinkedHashSet<String>();
        var roles = new LinkedHashMap<String, ProjectRole>();
        for (String g : groups) {
            s.addAll(groupScopes.getOrDefault(g, Set.of()));
            groupRoles.getOrDefault(g, Map.of()).forEach((project, role) -> roles.merge(project, role, (a, b) -> a.atLeast(b) ? a : b));
        }
        return new Mapping(Set.copyOf(s), Map.copyOf(roles));
    }

    record Mapping(Set<String> scopes, Map<String, ProjectRole> roles) {
    }
}
