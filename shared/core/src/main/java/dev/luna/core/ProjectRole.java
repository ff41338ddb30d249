package dev.luna.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Set;

/**
 * A member's role in a project, and the scopes it permits there: viewers read; developers also change agents,
 * tasks, RAG indexes and token budgets; admins also manage the project and its members; owners also delete it and
 * manage other owners.
 */
public enum ProjectRole {
    @JsonProperty("viewer") VIEWER(0),
    @JsonProperty("developer") DEVELOPER(1),
    @JsonProperty("admin") ADMIN(2),
    @JsonProperty("owner") OWNER(3);

    private static final Set<String> DEVELOPER_WRITES = Set.of("agents:write", "tasks:write", "rag:write", "tokens:write");
    private final int rank;

    ProjectRole(int rank) {
        this.rank = rank;
    }

    public boolean permits(String scope) {
        if (scope.endsWith(":read")) return true;
        if (DEVELOPER_WRITES.contains(scope)) return rank >= DEVELOPER.rank;
        if (scope.equals("projects:write")) return rank >= ADMIN.rank;
        return false;
    }

    public boolean atLeast(ProjectRole other) {
        return rank >= other.rank;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProjectRole fromWire(String s) {
        for (var r : values()) if (r.wire().equals(s)) return r;
        return null;
    }
}
