package dev.luna.core;

import java.util.Set;

/**
 * Who is calling: an API key, a user, or a service. Scopes say what it may do; {@code admin:full_access}
 * grants every scope.
 *
 * @param id        stable id of the caller (e.g. the API key id)
 * @param kind      {@code api_key}, {@code user} or {@code service}
 * @param scopes    granted scopes
 * @param projectId the project the credentials are bound to, or null
 */
public record Principal(String id, String kind, Set<String> scopes, String projectId) {
    public static final String ADMIN = "admin:full_access";

    public Principal {
        scopes = Set.copyOf(scopes);
    }

    public boolean has(String scope) {
        return scopes.contains(ADMIN) || scopes.contains(scope);
    }

    public static Principal anonymous() {
        return new Principal("anonymous", "anonymous", Set.of(), null);
    }
}
