package dev.luna.functions.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthPolicyTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private final HealthPolicy policy = new HealthPolicy(Duration.ofSeconds(60), Duration.ofSeconds(180));
    private final Agent agent = new Agent("agt_1", "default", "a", "t", "1.0.0", null,
            new AgentConfig(Runtime.JAVA, 1000L, RetryPolicy.DEFAULT, Map.of(), List.of(), List.of()), ResourceQuota.DEFAULT,
            AgentStatus.RUNNING, 1, 1, T0, T0, "me", T0, null, null, null);

    private AgentHealth.Status at(Heartbeat hb, long secondsLater) {
        return policy.evaluate(agent, hb, T0.plusSeconds(secondsLater)).status();
    }

    @Test
    void staleHeartbeatsDegradeThenFail() {
        assertThat(at(null, 0)).isEqualTo(AgentHealth.Status.HEALTHY);
        assertThat(at(null, 60)).isEqualTo(AgentHealth.Status.HEALTHY);
        assertThat(at(null, 61)).isEqualTo(AgentHealth.Status.DEGRADED);
        assertThat(at(null, 181)).isEqualTo(AgentHealth.Status.UNHEALTHY);
        var beat = new Heartbeat(AgentHealth.Metrics.EMPTY, T0.plusSeconds(170));
        assertThat(at(beat, 200)).isEqualTo(AgentHealth.Status.HEALTHY);
    }

    @Test
    void errorRateWorsensHealth() {
        var metrics = new AgentHealth.Metrics(1.0, 1.0, 1L, 1L, 10.0);
        assertThat(at(new Heartbeat(metrics, T0), 1)).isEqualTo(AgentHealth.Status.DEGRADED);
        var bad = new AgentHealth.Metrics(1.0, 1.0, 1L, 1L, 50.0);
        assertThat(at(new Heartbeat(bad, T0), 1)).isEqualTo(AgentHealth.Status.UNHEALTHY);
        var h = policy.evaluate(agent, new Heartbeat(bad, T0), T0.plusSeconds(1));
        assertThat(h.reason()).contains("error rate");
        assertThat(h.lastCheck()).isEqualTo(T0);
    }
}
