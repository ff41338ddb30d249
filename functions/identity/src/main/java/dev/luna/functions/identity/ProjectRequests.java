package dev.luna.functions.identity;

import dev.luna.core.ProjectRole;
import dev.luna.core.Violations;
import java.util.Map;
import java.util.regex.Pattern;

/** Bodies of the projects API. */
final class ProjectRequests {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@|:+-]{0,199}");

    private ProjectRequests() {
    }

    /** {@code POST /api/v1/projects} and {@code PUT /api/v1/projects/{id}} (on PUT every field is optional). */
    record ProjectBody(String name, String description, Map<String, String> settings, Long revision) {
        void validate(boolean create) {
            var v = new Violations();
            if (create) v.required(name, "name");
            v.text(name, "name", 100, NAME, "must be 1-100 letters, digits, spaces or . _ - and start with a letter or digit");
            if (description != null && description.length() > 1000) v.add("description", "must be at most 1000 characters");
            if (settings != null) {
                v.size(settings.keySet(), "settings", 50);
                settings.forEach((k, val) -> {
                    if (k.isBlank() || k.length() > 100) v.add("settings." + k, "keys must be 1-100 characters");
                    else if (val == null || val.length() > 1000) v.add("settings." + k, "must be a string of at most 1000 characters");
                });
            }
            if (!create && name == null && description == null && settings == null) {
                v.add("body", "must change at least one of name, description, settings");
            }
            v.throwIfAny();
        }
    }

    /** {@code POST /api/v1/projects/{id}/members}: adds a member or changes its role. */
    record MemberBody(String userId, ProjectRole role) {
        void validate() {
            var v = new Violations();
            if (v.required(userId, "userId")) v.text(userId, "userId", 200, USER, "must be a user id such as usr_alice or sso|alice@example.com");
            v.required(role, "role");
            v.throwIfAny();
        }
    }
}
