package dev.luna.realtime.push;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a notification to the devices that asked for it and forgets the devices Expo says are no longer
 * registered. Callers: the webhook worker when a followed task ends, the budget monitor when it raises an alert.
 */
public final class PushNotifier {
    private static final Logger log = LoggerFactory.getLogger(PushNotifier.class);
    private final DeviceStore devices;
    private final ExpoPush push;

    public PushNotifier(DeviceStore devices, ExpoPush push) {
        this.devices = devices;
        this.push = push;
    }

    /** To every task-following device of these users. */
    public ExpoPush.Outcome toUsers(Collection<String> userIds, String title, String body, Map<String, Object> data) {
        var targets = new ArrayList<Device>();
        for (String u : userIds) targets.addAll(devices.ofUser(u).stream().filter(Device::followTasks).toList());
        return send(targets, title, body, data);
    }

    /** To every device registered in the project that follows its budget alerts. */
    public ExpoPush.Outcome toProject(String projectId, String title, String body, Map<String, Object> data) {
        return send(devices.ofProject(projectId).stream().filter(Device::followBudgetAlerts).toList(), title, body, data);
    }

    private ExpoPush.Outcome send(List<Device> targets, String title, String body, Map<String, Object> data) {
        var messages = targets.stream().map(d -> new ExpoPush.Message(d.expoPushToken(), title, body, data)).toList();
        var outcome = push.send(messages);
        Predicate<Device> dead = d -> outcome.deadTokens().contains(d.expoPushToken());
        for (Device d : targets) {
            if (dead.test(d)) {
                devices.delete(d.userId(), d.id());
                log.info("push: device {} of {} is no longer registered with Expo; forgotten", d.id(), d.userId());
            }
        }
        return outcome;
    }
}
