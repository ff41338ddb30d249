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
 */
public record SsoSettings(String issuer, String audience, URI jwksUrl, String groupsClaim,
                          Map<String, Set<String>> groupScopes, Map<String, Map<String, ProjectRole>> groupRoles) {

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
                Map.copyOf(scopes), Map.copyOf(roles));
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
