package dev.luna.functions.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.tasks.Priority;
import dev.luna.tasks.Task;
import dev.luna.tasks.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthPolicyTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private final HealthPolicy policy = new HealthPolicy(Duration.ofSeconds(60), Duration.ofSeconds(180), Duration.ofMinutes(15));
    private final Agent agent = new Agent("agt_1", "default", "a", "t", "1.0.0", null,
            new AgentConfig(Runtime.JAVA, 1000L, RetryPolicy.DEFAULT, Map.of(), List.of("x", "y"), List.of()), ResourceQuota.DEFAULT,
            AgentStatus.RUNNING, 1, 1, T0, T0, "me", T0, null, null, null, null);

    private AgentHealth at(Heartbeat hb, TaskFigures work, long secondsLater) {
        return policy.evaluate(agent, hb, work, List.of(), T0.plusSeconds(secondsLater));
    }

    private static TaskFigures tasks(TaskStatus... outcomes) {
        var list = new ArrayList<Task>();
        for (int i = 0; i < outcomes.length; i++) {
            var b = new Task.Builder();
            b.id = "tsk_" + i;
            b.projectId = "default";
            b.type = "x";
            b.priority = Priority.NORMAL;
            b.agentId = "agt_1";
            b.status = outcomes[i];
            b.createdAt = T0.plusSeconds(i);
            b.updatedAt = b.createdAt;
            if (outcomes[i] != TaskStatus.QUEUED) b.startedAt = T0.plusSeconds(i);
            if (outcomes[i].isTerminal()) b.completedAt = T0.plusSeconds(i).plusMillis(100 + 10L * i);
            list.add(b.build());
        }
        return TaskFigures.of(list);
    }

    @Test
    void anIdleStartedAgentWithoutHeartbeatsStaysHealthy() {
        var h = at(null, TaskFigures.NONE, 86_400);
        assertThat(h.status()).isEqualTo(AgentHealth.Status.HEALTHY);
        assertThat(h.reason()).contains("idle");
        assertThat(h.inputs().heartbeatAt()).isNull();
        assertThat(h.lastCheck()).isEqualTo(T0);
    }

    @Test
    void failuresInARowDegradeThenFail() {
        var ok = tasks(TaskStatus.SUCCEEDED, TaskStatus.SUCCEEDED, TaskStatus.FAILED);
        assertThat(at(null, ok, 10).status()).isEqualTo(AgentHealth.Status.HEALTHY);
        var two = at(null, tasks(TaskStatus.SUCCEEDED, TaskStatus.FAILED, TaskStatus.TIMED_OUT), 10);
        assertThat(two.status()).isEqualTo(AgentHealth.Status.DEGRADED);
        assertThat(two.inputs().consecutiveFailures()).isEqualTo(2);
        assertThat(two.inputs().tasksTimedOut()).isEqualTo(1);
        var three = at(null, tasks(TaskStatus.SUCCEEDED, TaskStatus.FAILED, TaskStatus.TIMED_OUT, TaskStatus.FAILED), 10);
        assertThat(three.status()).isEqualTo(AgentHealth.Status.UNHEALTHY);
        assertThat(three.reason()).contains("last 3 tasks failed or timed out");
        assertThat(at(null, tasks(TaskStatus.FAILED, TaskStatus.FAILED, TaskStatus.FAILED, TaskStatus.SUCCEEDED), 10).status())
                .as("a success after failures, but 75 % errors of 4 (below the sample)").isEqualTo(AgentHealth.Status.HEALTHY);
        var rate = at(null, tasks(TaskStatus.FAILED, TaskStatus.FAILED, TaskStatus.SUCCEEDED, TaskStatus.FAILED, TaskStatus.SUCCEEDED,
                TaskStatus.SUCCEEDED), 10);
        assertThat(rate.status()).isEqualTo(AgentHealth.Status.UNHEALTHY);
        assertThat(rate.reason()).contains("error rate 50.0 %");
    }

    @Test
    void slowTasksAndOpenCircuitsDegrade() {
        var slow = new TaskFigures(Map.of(), 3, 0, 0, 0, T0, 700L, 900L);
        assertThat(at(null, slow, 10).reason()).contains("p95 duration 900 ms");
        assertThat(at(null, slow, 10).status()).isEqualTo(AgentHealth.Status.DEGRADED);
        var some = policy.evaluate(agent, null, TaskFigures.NONE, List.of("x"), T0);
        assertThat(some.status()).isEqualTo(AgentHealth.Status.HEALTHY);
        assertThat(some.inputs().openCircuits()).containsExactly("x");
        assertThat(policy.evaluate(agent, null, TaskFigures.NONE, List.of("x", "y"), T0).status()).isEqualTo(AgentHealth.Status.DEGRADED);
    }

    @Test
    void heartbeatsOfASelfHostedAgentMustStayFresh() {
        var beat = new Heartbeat(AgentHealth.Metrics.EMPTY, T0.plusSeconds(10));
        assertThat(at(beat, TaskFigures.NONE, 70).status()).isEqualTo(AgentHealth.Status.HEALTHY);
        assertThat(at(beat, TaskFigures.NONE, 71).status()).isEqualTo(AgentHealth.Status.DEGRADED);
        assertThat(at(beat, TaskFigures.NONE, 191).status()).isEqualTo(AgentHealth.Status.UNHEALTHY);
        var beforeStart = new Heartbeat(AgentHealth.Metrics.EMPTY, T0.minusSeconds(1));
        assertThat(at(beforeStart, TaskFigures.NONE, 10_000).status()).as("a heartbeat from before the last start does not count")
                .isEqualTo(AgentHealth.Status.HEALTHY);
    }

    @Test
    void reportedErrorRateWorsensHealth() {
        var metrics = new AgentHealth.Metrics(1.0, 1.0, 1L, 1L, 10.0);
        assertThat(at(new Heartbeat(metrics, T0), TaskFigures.NONE, 1).status()).isEqualTo(AgentHealth.Status.DEGRADED);
        var bad = new AgentHealth.Metrics(1.0, 1.0, 1L, 1L, 50.0);
        var h = at(new Heartbeat(bad, T0), TaskFigures.NONE, 1);
        assertThat(h.status()).isEqualTo(AgentHealth.Status.UNHEALTHY);
        assertThat(h.reason()).contains("error rate");
        assertThat(h.lastCheck()).isEqualTo(T0);
    }

    @Test
    void figuresCountPercentilesAndStatuses() {
        var f = tasks(TaskStatus.SUCCEEDED, TaskStatus.SUCCEEDED, TaskStatus.FAILED, TaskStatus.RUNNING, TaskStatus.QUEUED, TaskStatus.CANCELLED);
        assertThat(f.finished()).isEqualTo(3);
        assertThat(f.errors()).isEqualTo(1);
        assertThat(f.errorRate()).isEqualTo(33.3);
        assertThat(f.count(TaskStatus.RUNNING)).isEqualTo(1);
        assertThat(f.count(TaskStatus.QUEUED)).isEqualTo(1);
        assertThat(f.p50DurationMs()).isEqualTo(110);
        assertThat(f.p95DurationMs()).isEqualTo(120);
        assertThat(f.lastInvocationAt()).isEqualTo(T0.plusSeconds(5));
    }
}
