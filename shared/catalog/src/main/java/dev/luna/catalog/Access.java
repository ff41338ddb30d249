package dev.luna.catalog;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.core.Principal;
import dev.luna.core.ProjectRole;
import dev.luna.core.Projects;
import dev.luna.identity.ProjectStore;
import java.util.List;
import java.util.Map;

/**
 * The one place that decides whether the caller may do this function's operation in a project: the credential's
 * scopes (from the catalog, already checked by the pipeline) combined with the caller's role in the project —
 * a stored membership or a role its SSO groups grant — and the project the credential is bound to.
 * A caller who is not a member gets 404 (another tenant's resources do not exist for it); a member whose role does
 * not permit the operation gets 403. Domain services only say which project a resource belongs to.
 */
public final class Access {
    private final Principal principal;
    private final List<String> scopes;
    private final ProjectRole minimumRole;
    private final ProjectStore projects;
    private String projectId;

    public Access(Principal principal, List<String> scopes, ProjectRole minimumRole, ProjectStore projects) {
        this.principal = principal;
        this.scopes = scopes;
        this.minimumRole = minimumRole;
        this.projects = projects;
    }

    /**
     * Checks the operation in {@code projectId} (throwing 404/403): the caller's role there must permit the
     * function's scopes and be at least the function's {@code minimumRole} from the catalog. Returns the role
     * ({@code OWNER} for platform administrators).
     */
    public ProjectRole require(String projectId, String resourceKind, String resourceId) {
        var role = roleIn(projectId);
        if (role == null) throw LunaException.notFound(resourceKind, resourceId);
        for (String scope : scopes) {
            if (!role.permits(scope)) {
                throw new LunaException(ErrorCode.FORBIDDEN, "Your role '" + role.wire() + "' in project " + projectId
                        + " does not allow this operation (needs " + scope + ")", Map.of("role", role.wire(), "requiredScope", scope));
            }
        }
        if (minimumRole != null && !role.atLeast(minimumRole)) {
            throw new LunaException(ErrorCode.FORBIDDEN, "This needs the role '" + minimumRole.wire() + "' in project " + projectId
                    + "; yours is '" + role.wire() + "'", Map.of("role", role.wire(), "requiredRole", minimumRole.wire()));
        }
        this.projectId = projectId;
        return role;
    }

    /**
     * The project this request acts in ({@link Projects#resolve}: the one named, else the credential's, else
     * {@code default}), checked like {@link #require}: 404 for a caller who is not a member, 403 for a role too weak.
     */
    public String requireProject(String named) {
        String project = Projects.resolve(named, principal.projectId(), "projectId");
        require(project, "Project", project);
        return project;
    }

    /** The project this request acts in ({@link Projects#resolve}), not yet checked. */
    public String project(String named) {
        return Projects.resolve(named, principal.projectId(), "projectId");
    }

    /** Whether the caller can see {@code projectId} at all (any role), without failing. */
    public boolean canSee(String projectId) {
        return roleIn(projectId) != null;
    }

    /** The caller's role in a project, or null when it is not a member (or its credential is bound elsewhere). */
    public ProjectRole roleIn(String projectId) {
        if (projectId == null) return null;
        if (principal.projectId() != null && !principal.projectId().equals(projectId)) return null;
        if (principal.isAdmin()) return ProjectRole.OWNER;
        var claimed = principal.projectRoles().get(projectId);
        var stored = projects == null ? null : projects.role(projectId, principal.id()).orElse(null);
        if (claimed == null) return stored;
        if (stored == null) return claimed;
        return claimed.atLeast(stored) ? claimed : stored;
    }

    /** The project the operation was checked against (recorded in the audit log), or null. */
    public String projectId() {
        return projectId;
    }

    public Principal principal() {
        return principal;
    }
}
