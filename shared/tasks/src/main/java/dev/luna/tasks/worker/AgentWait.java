package dev.luna.tasks.worker;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.luna.tasks.Progress;
import dev.luna.tasks.Task;
import dev.luna.tasks.TaskLifecycle;
import dev.luna.tasks.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task whose agent already runs {@code maxConcurrentTasks} tasks: it becomes {@code pending} (once) and its message
 * comes back after a pause that grows with each look (1 s, 2 s, … up to {@value #MAX_AGENT_WAIT_SECONDS} s; the count
 * travels in the message's {@code agentWaits} attribute), so waiting holds no worker and costs one receive per look.
 * Slots held by tasks that no longer run (a worker died between its writes) are given back at most once a minute per
 * agent and worker.
 */
final class AgentWait {
    /** Longest pause between two looks at a busy agent's free slots. */
    static final int MAX_AGENT_WAIT_SECONDS = 10;
    private static final Logger log = LoggerFactory.getLogger(AgentWait.class);
    private final TaskLifecycle lifecycle;
    private final Clock clock;
    private final Map<String, Instant> slotAudits = new ConcurrentHashMap<>();

    AgentWait(TaskLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.clock = lifecycle.clock();
    }

    void waitForAgent(Task task, SQSEvent.SQSMessage m) {
        var current = task;
        if (task.status() == TaskStatus.QUEUED) {
            int max = task.agentConcurrency();
            String message = "waiting for agent " + task.agentId() + ", which already runs " + max + (max == 1 ? " task" : " tasks") + ", its maximum";
            current = lifecycle.update(task.id(), t -> {
                if (t.status() != TaskStatus.QUEUED || t.generation() != task.generation()) return null;
                var b = t.toBuilder();
                b.status = TaskStatus.PENDING;
                b.progress = new Progress("pending", t.progress().percentage(), null, message, t.progress().steps());
                return b;
            }).orElse(null);
            if (current == null) return; // changed meanwhile (cancelled, moved): its own message carries on
        }
        int waits = 0;
        var attr = m.getMessageAttributes() == null ? null : m.getMessageAttributes().get("agentWaits");
        if (attr != null && attr.getStringValue() != null) {
            try {
                waits = Integer.parseInt(attr.getStringValue());
            } catch (NumberFormatException ignored) {
                waits = 0;
            }
        }
        lifecycle.queues().enqueue(current, Duration.ofSeconds(Math.min(MAX_AGENT_WAIT_SECONDS, waits + 1)),
                Map.of("agentWaits", Integer.toString(waits + 1)));
    }

    /** Gives back the slots of an agent's tasks that no longer run; true when a slot was freed. */
    boolean auditSlots(Task task) {
        Instant now = clock.instant();
        var last = slotAudits.get(task.agentId());
        if (last != null && last.isAfter(now.minusSeconds(60))) return false;
        slotAudits.put(task.agentId(), now);
        var slots = lifecycle.stores().slots();
        boolean freed = false;
        for (String holder : slots.holders(task.agentId())) {
            var held = lifecycle.store().get(holder).orElse(null);
            boolean stale = held == null || held.status() != TaskStatus.RUNNING
                    || (held.leaseUntil() != null && held.leaseUntil().isBefore(now));
            if (stale) {
                log.info("agent {}: slot of task {} given back ({})", task.agentId(), holder, held == null ? "no such task" : held.status().wire());
                slots.release(task.agentId(), holder);
                freed = true;
            }
        }
        return freed;
    }
}
