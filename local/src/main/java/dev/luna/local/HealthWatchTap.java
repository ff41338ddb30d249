package dev.luna.local;

import dev.luna.realtime.LiveEvent;
import dev.luna.realtime.LiveEventHub;
import dev.luna.realtime.LiveEventKind;
import dev.luna.realtime.LiveEvents;
import dev.luna.tasks.routing.AgentRouting;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in for {@code agents-health-watch} (the tasks table's stream in AWS): a task of an agent that ended
 * — its terminal {@code task_progress} on the live event hub — re-evaluates that agent's health
 * ({@link AgentRouting#recheckHealth}) on a thread of its own, so the task's thread waits for nothing; an agent
 * already waiting for its re-evaluation is not queued twice.
 */
final class HealthWatchTap implements LiveEvents.LiveListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HealthWatchTap.class);
    private final LiveEventHub hub;
    private final AgentRouting agents;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "luna-health-watch");
        t.setDaemon(true);
        return t;
    });

    private HealthWatchTap(LiveEventHub hub, AgentRouting agents) {
        this.hub = hub;
        this.agents = agents;
    }

    /** Starts watching {@code hub}'s task events; close to stop. */
    static HealthWatchTap on(LiveEventHub hub, AgentRouting agents) {
        var tap = new HealthWatchTap(hub, agents);
        hub.tap(tap);
        return tap;
    }

    @Override
    public void onEvent(LiveEvent event) {
        if (event.kind() != LiveEventKind.TASK_PROGRESS || !event.data().path("terminal").asBoolean(false)) return;
        String agent = event.data().path("agentId").asString(null);
        if (agent == null || !pending.add(agent)) return;
        try {
            executor.execute(() -> {
                pending.remove(agent);
                try {
                    agents.recheckHealth(agent);
                } catch (RuntimeException e) {
                    log.warn("health re-evaluation of agent {} failed: {}", agent, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            pending.remove(agent); // closing
        }
    }

    @Override
    public void close() {
        hub.untap(this);
        executor.shutdownNow();
    }
}
