package dev.luna.local;

import dev.luna.realtime.LiveEvent;
import dev.luna.realtime.LiveEventHub;
import dev.luna.realtime.LiveEventKind;
import dev.luna.realtime.LiveEvents;
import dev.luna.tasks.routing.AgentRouting;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in for {@code agents-health-watch} (the tasks table's stream in AWS): a task of an agent that ended
 * — its terminal {@code task_progress} on the live event hub — re-evaluates that agent's health
 * ({@link AgentRouting#recheckHealth}) on a thread of its own, so the task's thread waits for nothing. An agent
 * already waiting for its re-evaluation is not queued twice, and one agent is re-evaluated at most once per
 * {@link #MIN_INTERVAL} (an evaluation reads the project's recent tasks: an agent ending many tasks a second would
 * otherwise keep the thread busy), so a verdict is announced within about a second of the task that moved it.
 */
final class HealthWatchTap implements LiveEvents.LiveListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HealthWatchTap.class);
    private final LiveEventHub hub;
    private final AgentRouting agents;
    static final java.time.Duration MIN_INTERVAL = java.time.Duration.ofSeconds(1);
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final java.util.Map<String, Long> lastRun = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
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
        long wait = Math.max(0, lastRun.getOrDefault(agent, 0L) + MIN_INTERVAL.toMillis() - System.currentTimeMillis());
        try {
            executor.schedule(() -> {
                pending.remove(agent); // a task ending from now on asks for another evaluation
                lastRun.put(agent, System.currentTimeMillis());
                try {
                    agents.recheckHealth(agent);
                } catch (RuntimeException e) {
                    log.warn("health re-evaluation of agent {} failed: {}", agent, e.toString());
                }
            }, wait, TimeUnit.MILLISECONDS);
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
