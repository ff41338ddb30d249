package dev.luna.realtime.push;

import java.time.Instant;

/**
 * A phone of a user that receives push notifications through Expo's push service.
 *
 * @param id             {@code dev_} + the first 20 hex digits of the SHA-256 of the token: registering the same token again
 *                       updates the device instead of adding a second one
 * @param projectId      the project whose budget alerts it receives (the project it was registered in)
 * @param followTasks    notified when a task its user follows ends
 * @param followBudgetAlerts notified when a budget alert of its project is raised
 */
public record Device(String id, String userId, String projectId, String expoPushToken, String platform, boolean followTasks,
                     boolean followBudgetAlerts, Instant createdAt, Instant updatedAt) {

    /** The device id of a push token. */
    public static String idOf(String expoPushToken) {
        return "dev_" + dev.luna.core.Hashes.sha256(expoPushToken).substring(0, 20);
    }
}
