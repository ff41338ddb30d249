package dev.luna.functions.realtime;

import dev.luna.catalog.Access;
import dev.luna.core.ErrorCode;
import dev.luna.core.IdFormat;
import dev.luna.core.LunaException;
import dev.luna.core.Principal;
import dev.luna.core.ValidationException;
import dev.luna.http.Platform;
import dev.luna.identity.ProjectStore;
import dev.luna.realtime.LiveEventKind;
import dev.luna.realtime.LiveFilter;
import dev.luna.tasks.store.TaskStore;
import dev.luna.tasks.store.TaskStores;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who may follow which live events, with the same rules as the REST API: a bearer API key or access token (from the
 * {@code Authorization} header, or the {@code access_token} query parameter for clients that cannot set headers), the
 * project resolved as for any call (named, else the credential's, else {@code default}) and checked against the
 * caller's membership (404 when it is not a member), and each event kind behind the scope that reads it.
 */
public final class StreamAccess {
    private final Platform platform;
    private final ProjectStore projects;
    private final TaskStore tasks;

    public StreamAccess(Platform platform) {
        this.platform = platform;
        this.projects = new ProjectStore(platform.aws());
        this.tasks = TaskStores.create(platform.aws()).tasks();
    }

    /** The scope that reads each kind (system notifications: any member). */
    public static String scopeOf(LiveEventKind kind) {
        return switch (kind) {
            case TASK_PROGRESS -> "tasks:read";
            case AGENT_HEALTH -> "agents:read";
            case TOKEN_ALERT -> "tokens:read";
            case SYSTEM_NOTIFICATION -> null;
        };
    }

    /** The caller of {@code authorization} ({@code Bearer <token>}) or of {@code accessToken}; 401 when neither holds a valid one. */
    public Principal authenticate(String authorization, String accessToken) {
        String token = null;
        if (authorization != null && !authorization.isBlank()) {
            String[] parts = authorization.trim().split("\\s+");
            if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer") || parts[1].isEmpty()) {
                throw new LunaException(ErrorCode.UNAUTHENTICATED, "Malformed Authorization header: expected 'Bearer <token>'");
            }
            token = parts[1];
        } else if (accessToken != null && !accessToken.isBlank()) {
            token = accessToken;
        }
        if (token == null) {
            throw new LunaException(ErrorCode.UNAUTHENTICATED, "Missing credentials: send 'Authorization: Bearer <api key>'");
        }
        return platform.authenticator().authenticate(token);
    }

    /**
     * The filter of a subscription: the project (checked), the kinds asked for (all the caller may read when none),
     * each needing its scope (403 otherwise), and the subject.
     */
    public LiveFilter filter(Principal caller, String namedProject, Set<LiveEventKind> asked, String subject) {
        var access = new Access(caller, List.of(), null, projects);
        String project = access.requireProject(namedProject);
        var kinds = EnumSet.noneOf(LiveEventKind.class);
        if (asked == null || asked.isEmpty()) {
            for (var k : LiveEventKind.values()) if (scopeOf(k) == null || caller.has(scopeOf(k))) kinds.add(k);
            if (kinds.isEmpty()) throw forbidden(LiveEventKind.TASK_PROGRESS);
        } else {
            for (var k : asked) {
                if (scopeOf(k) != null && !caller.has(scopeOf(k))) throw forbidden(k);
                kinds.add(k);
            }
        }
        return new LiveFilter(project, kinds, subject);
    }

    /** The progress filter of one task the caller may read; 404 when it does not exist for the caller. */
    public LiveFilter task(Principal caller, String taskId) {
        if (taskId == null || !IdFormat.TASK.matches(taskId)) throw new ValidationException("path.id", "must be " + IdFormat.TASK.description());
        if (!caller.has("tasks:read")) throw forbidden(LiveEventKind.TASK_PROGRESS);
        var task = tasks.get(taskId).orElseThrow(() -> LunaException.notFound("Task", taskId));
        var access = new Access(caller, List.of("tasks:read"), null, projects);
        access.require(task.projectId(), "Task", taskId);
        return LiveFilter.task(task.projectId(), taskId);
    }

    /** The health and token events of one agent of the caller's project. */
    public LiveFilter agent(Principal caller, String namedProject, String agentId) {
        if (agentId == null || !IdFormat.AGENT.matches(agentId)) throw new ValidationException("path.id", "must be " + IdFormat.AGENT.description());
        if (!caller.has("agents:read")) throw forbidden(LiveEventKind.AGENT_HEALTH);
        var access = new Access(caller, List.of("agents:read"), null, projects);
        return LiveFilter.agent(access.requireProject(namedProject), agentId);
    }

    /** The filter of a {@code subscribe} message: one task, one agent, or the project's events of the asked kinds. */
    public LiveFilter filter(Principal caller, Subscribe s) {
        if (s.taskId() != null) return task(caller, s.taskId());
        if (s.agentId() != null) {
            var agent = agent(caller, s.projectId(), s.agentId());
            return s.kinds().isEmpty() ? agent : filter(caller, agent.projectId(), s.kinds(), agent.subject());
        }
        return filter(caller, s.projectId(), s.kinds(), null);
    }

    /** The stored task (for a snapshot when its stream has no history left). */
    public java.util.Optional<dev.luna.tasks.Task> storedTask(String taskId) {
        return tasks.get(taskId);
    }

    private static LunaException forbidden(LiveEventKind kind) {
        return new LunaException(ErrorCode.FORBIDDEN, kind.wire() + " events need the scope '" + scopeOf(kind) + "'",
                java.util.Map.of("requiredScopes", List.of(scopeOf(kind))));
    }
}
