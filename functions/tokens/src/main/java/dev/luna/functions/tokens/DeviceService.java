package dev.luna.functions.tokens;

import dev.luna.core.LunaException;
import dev.luna.core.ValidationException;
import dev.luna.core.Violation;
import dev.luna.realtime.push.Device;
import dev.luna.realtime.push.DeviceStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user's devices for push notifications: registered with their Expo push token (the same token again updates the
 * device, keeping its id), listed, forgotten. Each user sees and removes only their own.
 */
final class DeviceService {
    static final Pattern EXPO_TOKEN = Pattern.compile("^(ExponentPushToken|ExpoPushToken)\\[[A-Za-z0-9_-]{8,200}]$");
    static final Set<String> PLATFORMS = Set.of("ios", "android", "web");
    private static final Pattern DEVICE_ID = Pattern.compile("^dev_[0-9a-f]{20}$");

    private final DeviceStore store;
    private final Clock clock;

    DeviceService(DeviceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The body of {@code POST /api/v1/devices}. */
    record DeviceRequest(String expoPushToken, String platform, FollowRequest follow) {
    }

    /** What the device is told about; both default to true. */
    record FollowRequest(Boolean tasks, Boolean budgetAlerts) {
    }

    record Saved(Device device, boolean created) {
    }

    Saved register(DeviceRequest r, String userId, String projectId) {
        var v = new ArrayList<Violation>();
        if (r == null) throw new ValidationException("body", "is required");
        if (r.expoPushToken() == null || r.expoPushToken().isBlank()) v.add(new Violation("expoPushToken", "is required"));
        else if (!EXPO_TOKEN.matcher(r.expoPushToken()).matches())
            v.add(new Violation("expoPushToken", "must be an Expo push token like ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx]"));
        if (r.platform() == null || !PLATFORMS.contains(r.platform())) v.add(new Violation("platform", "must be one of " + List.of("ios", "android", "web")));
        if (!v.isEmpty()) throw new ValidationException(v);
        var follow = r.follow() == null ? new FollowRequest(null, null) : r.follow();
        String id = Device.idOf(r.expoPushToken());
        var now = clock.instant();
        var old = store.get(userId, id);
        var device = new Device(id, userId, projectId, r.expoPushToken(), r.platform(), !Boolean.FALSE.equals(follow.tasks()),
                !Boolean.FALSE.equals(follow.budgetAlerts()), old.map(Device::createdAt).orElse(now), now);
        store.put(device);
        return new Saved(device, old.isEmpty());
    }

    List<Device> list(String userId) {
        return store.ofUser(userId);
    }

    /** Forgets one of the user's devices and answers it as it was; another user's device is not found. */
    Device delete(String userId, String id) {
        if (id == null || !DEVICE_ID.matcher(id).matches()) throw LunaException.notFound("Device", id);
        var device = store.get(userId, id).orElseThrow(() -> LunaException.notFound("Device", id));
        store.delete(userId, id);
        return device;
    }
}
