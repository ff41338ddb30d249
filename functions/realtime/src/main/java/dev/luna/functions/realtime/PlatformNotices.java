package dev.luna.functions.realtime;

import dev.luna.core.Ids;
import dev.luna.core.Json;
import dev.luna.core.LunaException;
import dev.luna.core.Principal;
import dev.luna.identity.ProjectStore;
import dev.luna.realtime.LiveEvent;
import dev.luna.realtime.LiveEventKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.node.ObjectNode;

/**
 * Operators' notifications ({@code POST /api/v1/admin/notifications}): one {@code system_notification} to the
 * subscribers of one project, or of every active project, numbered in each project's stream and kept for replay like
 * any live event, so a client that reconnects with its last sequence number still gets it. The event's {@code data}
 * has the fields of the task lifecycle's notifications ({@code level}, {@code code}, {@code source}, {@code message})
 * plus {@code notificationId}, {@code title} and {@code sentBy}.
 */
final class PlatformNotices {
    /** Where an event goes: the in-process hub (local runtime), or the event log and PostToConnection (AWS). */
    @FunctionalInterface
    interface Publisher {
        LiveEvent publish(String projectId, LiveEventKind kind, String subject, ObjectNode data);
    }

    /** Events listed in the answer at most (the count covers them all). */
    static final int LISTED_EVENTS = 100;
    private final ProjectStore projects;
    private final Publisher publisher;
    private final Ids ids;
    private final Clock clock;

    PlatformNotices(ProjectStore projects, Publisher publisher, Ids ids, Clock clock) {
        this.projects = projects;
        this.publisher = publisher;
        this.ids = ids;
        this.clock = clock;
    }

    /** What was sent: the notification, how many projects it went to, and the first events with their sequence numbers. */
    record Sent(String id, String severity, String title, String message, String projectId, Instant sentAt, int projects,
                List<Map<String, Object>> events) {
    }

    Sent send(NotificationRequest request, Principal sender) {
        request.validate();
        if (request.projectId() != null && projects.find(request.projectId()).filter(p -> "active".equals(p.status())).isEmpty()) {
            throw LunaException.notFound("Project", request.projectId());
        }
        String id = ids.next("ntf");
        Instant now = clock.instant();
        var data = Json.object();
        data.put("notificationId", id);
        data.put("level", request.severity());
        data.put("code", "PLATFORM_NOTICE");
        data.put("source", "admin");
        data.put("title", request.title());
        data.put("message", request.message());
        data.put("sentBy", sender.id());
        data.put("sentAt", now.toString());
        var events = new ArrayList<Map<String, Object>>();
        int count = 0;
        for (String project : targets(request.projectId())) {
            var event = publisher.publish(project, LiveEventKind.SYSTEM_NOTIFICATION, null, data);
            count++;
            if (event != null && events.size() < LISTED_EVENTS) {
                var e = new LinkedHashMap<String, Object>();
                e.put("projectId", project);
                e.put("seq", event.sequence());
                events.add(e);
            }
        }
        return new Sent(id, request.severity(), request.title(), request.message(), request.projectId(), now, count, events);
    }

    /** The named project, or every active one. */
    private List<String> targets(String projectId) {
        if (projectId != null) return List.of(projectId);
        var out = new ArrayList<String>();
        Map<String, AttributeValue> start = null;
        do {
            var page = projects.all(start, 500);
            for (var p : page.items()) out.add(p.id());
            start = page.lastKey();
        } while (start != null);
        return out;
    }
}
