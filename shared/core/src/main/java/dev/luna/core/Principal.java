package dev.luna.core;

import java.util.Map;
import java.util.Set;

/**
 * Who is calling, as established by the identity layer.
 *
 * @param id           stable id of the caller (the subject: a user id such as {@code usr_…}, or an SSO subject)
 * @param kind         {@code api_key}, {@code jwt}, {@code sso} or {@code anonymous}
 * @param credentialId the credential used: the API key id, or the token id ({@code jti})
 * @param scopes       granted scopes; {@code admin:full_access} grants every scope and every project
 * @param projectId    the project the credential is restricted to, or null
 * @param projectRoles roles the credential itself asserts per project (SSO group mappings); memberships stored in
 *                     the platform add to these
 * @param rateLimitPerMinute the credential's own request limit, or null for the platform default
 */
public record Principal(String id, String kind, String credentialId, Set<String> scopes, String projectId,
                        Map<String, ProjectRole> projectRoles, Integer rateLimitPerMinute) {
    public static final String ADMIN = "admin:full_access";

    public Principal {
        scopes = Set.copyOf(scopes);
        projectRoles = projectRoles == null ? Map.of() : Map.copyOf(projectRoles);
    }

    public Principal(String id, String kind, String credentialId, Set<String> scopes, String projectId,
                     Map<String, ProjectRole> projectRoles) {
        this(id, kind, credentialId, scopes, projectId, projectRoles, null);
    }

    public Principal(String id, String kind, Set<String> scopes, String projectId) {
        this(id, kind, id, scopes, projectId, Map.of(), null);
    }

    public boolean has(String scope) {
        return scopes.contains(ADMIN) || scopes.contains(scope);
    }

    public boolean isAdmin() {
        return scopes.contains(ADMIN);
    }

    public static Principal anonymous() {
        return new Principal("anonymous", "anonymous", "anonymous", Set.of(), null, Map.of());
    }
}
