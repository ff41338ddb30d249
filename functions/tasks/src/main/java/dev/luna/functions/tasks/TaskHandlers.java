package dev.luna.functions.tasks;

import dev.luna.core.ValidationException;
import dev.luna.http.ApiRequest;
import dev.luna.http.ApiResult;
import dev.luna.http.RouteHandler;
import dev.luna.tasks.Priority;
import dev.luna.tasks.TaskStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The HTTP side of tasks, queues and dead letters: parse, call the services, answer. One method per catalog function. */
final class TaskHandlers {
    private static final String BASE = "/api/v1/tasks/";
    private final TaskService tasks;
    private final QueueService queues;
    private final TaskArtifacts artifacts;
    private final TaskEventStream events;

    TaskHandlers(TaskService tasks, QueueService queues, TaskArtifacts artifacts, TaskEventStream events) {
        this.tasks = tasks;
        this.queues = queues;
        this.artifacts = artifacts;
        this.events = events;
    }

    record RedriveRequest(List<String> taskIds, Integer limit) {
    }

    Map<String, RouteHandler> byBean() {
        return Map.ofEntries(
                Map.entry("tasksSubmit", this::submit),
                Map.entry("tasksList", this::list),
                Map.entry("tasksGet", r -> ApiResult.ok(tasks.get(r.pathParam("id"), taskProject(r)).view())),
                Map.entry("tasksEvents", this::events),
                Map.entry("tasksCancel", this::cancel),
                Map.entry("tasksFollow", r -> ApiResult.ok(tasks.follow(r.pathParam("id"), taskProject(r), r.principal().id(), true))),
                Map.entry("tasksUnfollow", r -> ApiResult.ok(tasks.follow(r.pathParam("id"), taskProject(r), r.principal().id(), false))),
                Map.entry("tasksRetry", r -> ApiResult.accepted(tasks.retry(r.pathParam("id"), taskProject(r)).view())),
                Map.entry("tasksResult", r -> ApiResult.ok(tasks.result(r.pathParam("id"), taskProject(r)))),
                Map.entry("tasksArtifactsList", r -> ApiResult.ok(artifacts.list(tasks.get(r.pathParam("id"), taskProject(r))))),
                Map.entry("tasksArtifactsGet", r -> artifacts.download(tasks.get(r.pathParam("id"), taskProject(r)), r.pathParam("name"))),
                Map.entry("queuesList", r -> ApiResult.ok(queues.list())),
                Map.entry("taskTypesList", r -> ApiResult.ok(tasks.types())),
                Map.entry("queuesPrioritize", r -> ApiResult.ok(queues.prioritize(QueueService.queueId(r.pathParam("id")),
                        r.bodyAs(QueueService.PrioritizeRequest.class), projectOf(r)))),
                Map.entry("queuesStats", r -> ApiResult.ok(queues.stats(QueueService.queueId(r.pathParam("id")),
                        r.intQuery("windowMinutes", 60, 1, 1440)))),
                Map.entry("deadLettersList", this::deadLetters),
                Map.entry("deadLettersRedrive", this::redrive));
    }

    /**
     * The project a call acts in (named with {@code ?projectId=}, else the credential's, else {@code default}, by the
     * same rule as agents), checked against the caller's role there: 404 for non-members, 403 for a weak role.
     */
    static String projectOf(ApiRequest r) {
        return r.access().requireProject(r.query("projectId").orElse(null));
    }

    /** The project of the task named in the path, checked against the caller's role there (404 if unknown). */
    private String taskProject(ApiRequest r) {
        String id = r.pathParam("id");
        String project = tasks.projectOfTask(id).orElseThrow(() -> dev.luna.core.LunaException.notFound("Task", id));
        r.access().require(project, "Task", id);
        return project;
    }

    private ApiResult submit(ApiRequest r) {
        var task = tasks.submit(r.bodyAs(TaskSubmission.class), projectOf(r), r.principal().id(), null);
        return ApiResult.created(task.view(), BASE + task.id());
    }

    private ApiResult cancel(ApiRequest r) {
        var task = tasks.cancel(r.pathParam("id"), taskProject(r));
        return task.status() == TaskStatus.CANCELLED ? ApiResult.ok(task.view()) : ApiResult.accepted(task.view());
    }

    private ApiResult list(ApiRequest r) {
        var status = r.query("status").map(s -> {
            var st = TaskStatus.fromWire(s);
            if (st == null) throw new ValidationException("status", "must be one of " + Arrays.stream(TaskStatus.values()).map(TaskStatus::wire).toList());
            return st;
        }).orElse(null);
        var priority = r.query("priority").map(s -> Priority.parse(s)
                .orElseThrow(() -> new ValidationException("priority", "must be " + Priority.CHOICES))).orElse(null);
        Instant after = instant(r, "createdAfter");
        Instant before = instant(r, "createdBefore");
        if (after != null && before != null && after.isAfter(before)) throw new ValidationException("createdAfter", "must not be after createdBefore");
        String type = r.query("type").orElse(null);
        if (type != null && type.length() > 64) throw new ValidationException("type", "must be at most 64 characters");
        var query = new TaskQuery(projectOf(r), status, type, priority, r.query("agentId").orElse(null), after, before);
        return ApiResult.page(tasks.list(query, r.query("cursor").orElse(null), r.intQuery("limit", 20, 1, 100)));
    }

    private ApiResult events(ApiRequest r) {
        long lastSeen = TaskEventStream.lastEventId(r.header("Last-Event-ID").orElse(null), r.query("lastEventId").orElse(null));
        int wait = TaskEventStream.waitSeconds(r.query("wait").orElse(null));
        String id = r.pathParam("id");
        String project = taskProject(r);
        return events.next(() -> tasks.get(id, project), lastSeen, wait);
    }

    private ApiResult deadLetters(ApiRequest r) {
        return ApiResult.page(tasks.deadLetters(projectOf(r), r.query("cursor").orElse(null), r.intQuery("limit", 20, 1, 100)));
    }

    private ApiResult redrive(ApiRequest r) {
        var body = r.optionalBodyAs(RedriveRequest.class);
        if (body != null && body.taskIds() != null && !body.taskIds().isEmpty() && body.limit() != null) {
            throw new ValidationException("limit", "give either taskIds or limit, not both");
        }
        return ApiResult.ok(tasks.redrive(body == null ? null : body.taskIds(), body == null ? null : body.limit(),
                projectOf(r)));
    }

    private static Instant instant(ApiRequest r, String name) {
        return r.query(name).map(s -> {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw new ValidationException(name, "must be an ISO-8601 instant like 2026-01-31T12:00:00Z");
            }
        }).orElse(null);
    }
}
