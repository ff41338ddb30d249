package dev.luna.tasks.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.tasks.routing.AgentRouting.AgentRef;
import dev.luna.tasks.routing.LeastLoaded.Candidate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeastLoadedTest {
    private static AgentRef agent(String id, String health, int max) {
        return new AgentRef(id, "p", id, "1.0.0", "running", List.of("t"), 3, 100, 2, 1000, 60_000, health, "", max);
    }

    private final LeastLoaded policy = new LeastLoaded();

    private String choose(Candidate... candidates) {
        return policy.choose("p", "t", List.of(candidates)).map(AgentRef::id).orElse(null);
    }

    @Test
    void tiesTakeTurns() {
        var picks = new ArrayList<String>();
        for (int i = 0; i < 4; i++) picks.add(choose(new Candidate(agent("a", "healthy", 5), 1), new Candidate(agent("b", "healthy", 5), 1)));
        assertThat(picks).containsExactly("a", "b", "a", "b");
    }

    @Test
    void leastInFlightWinsThenRoomUnderTheQuota() {
        assertThat(choose(new Candidate(agent("a", "healthy", 5), 3), new Candidate(agent("b", "healthy", 5), 1))).isEqualTo("b");
        assertThat(choose(new Candidate(agent("a", "healthy", 1), 1), new Candidate(agent("b", "healthy", 10), 4)))
                .as("a is at its quota").isEqualTo("b");
    }

    @Test
    void healthyBeforeDegradedAndNeverUnhealthy() {
        assertThat(choose(new Candidate(agent("a", "degraded", 5), 0), new Candidate(agent("b", "healthy", 5), 4))).isEqualTo("b");
        assertThat(choose(new Candidate(agent("a", "degraded", 5), 0), new Candidate(agent("b", "unhealthy", 5), 0))).isEqualTo("a");
        assertThat(choose(new Candidate(agent("b", "unhealthy", 5), 0))).isNull();
    }
}
