package dev.luna.functions.realtime;

import dev.luna.core.IdFormat;
import dev.luna.core.Violations;
import java.util.List;

/**
 * Body of {@code POST /api/v1/admin/notifications}: {@code severity} ({@code info}, {@code warning}, {@code error} or
 * {@code critical}), a {@code title} (at most {@value #MAX_TITLE} characters), a {@code message} (at most
 * {@value #MAX_MESSAGE}) and an optional {@code projectId} (absent: every active project).
 */
public record NotificationRequest(String severity, String title, String message, String projectId) {
    public static final List<String> SEVERITIES = List.of("info", "warning", "error", "critical");
    static final int MAX_TITLE = 200;
    static final int MAX_MESSAGE = 2_000;

    void validate() {
        var v = new Violations();
        if (v.required(severity, "severity")) {
            v.check(SEVERITIES.contains(severity), "severity", "must be one of " + String.join(", ", SEVERITIES));
        }
        if (v.required(title, "title")) v.text(title, "title", MAX_TITLE, null, null);
        if (v.required(message, "message")) v.text(message, "message", MAX_MESSAGE, null, null);
        if (projectId != null) v.check(IdFormat.PROJECT.matches(projectId), "projectId", "must be " + IdFormat.PROJECT.description());
        v.throwIfAny();
    }
}
