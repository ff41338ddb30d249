package dev.luna.functions.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import dev.luna.tasks.routing.AgentRouting;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskSubmissionTest {
    private static final AgentRouting.AgentRef AGENT = new AgentRouting.AgentRef("agt_1", "default", "a", "1.0.0", "running",
            List.of("echo"), 3, 1000, 2, 60000, 300000, "healthy", "ok", 5);

    @Test
    void cacheKeysIgnoreKeyOrderAndNumberSpelling() {
        String a = TaskService.cacheKey("echo", Json.tree("{\"b\":[1,2.50],\"a\":{\"y\":1,\"x\":2}}"), AGENT);
        String b = TaskService.cacheKey("echo", Json.tree("{\"a\":{\"x\":2.0,\"y\":1},\"b\":[1.0,2.5]}"), AGENT);
        assertThat(a).isEqualTo(b).hasSize(64);
        assertThat(TaskService.cacheKey("echo", Json.tree("{\"b\":[2.5,1],\"a\":{\"y\":1,\"x\":2}}"), AGENT)).as("array order matters").isNotEqualTo(a);
        assertThat(TaskService.cacheKey("other", Json.tree("{\"b\":[1,2.5],\"a\":{\"y\":1,\"x\":2}}"), AGENT)).isNotEqualTo(a);
        var newer = new AgentRouting.AgentRef("agt_1", "default", "a", "1.1.0", "running", List.of("echo"), 3, 1000, 2, 60000, 300000, "healthy", "ok", 5);
        assertThat(TaskService.cacheKey("echo", Json.tree("{\"b\":[1,2.5],\"a\":{\"y\":1,\"x\":2}}"), newer)).as("agent version matters").isNotEqualTo(a);
    }

    @Test
    void privateWebhookHostsAreRecognised() {
        for (String h : new String[] {"localhost", "127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "[::1]", "0.0.0.0",
                "metadata.internal", "100.64.0.1"}) {
            assertThat(dev.luna.core.PrivateHosts.isPrivate(h)).as(h).isTrue();
        }
        for (String h : new String[] {"hooks.example.com", "8.8.8.8", "172.32.0.1", "[2001:db8::1]"}) {
            assertThat(dev.luna.core.PrivateHosts.isPrivate(h)).as(h).isFalse();
        }
    }

    @Test
    void queueSubmissionIdsAreStablePerMessage() {
        assertThat(Ingest.taskId("m-1")).isEqualTo(Ingest.taskId("m-1")).startsWith("tsk_Q").hasSize(30);
        assertThat(Ingest.taskId("m-1")).isNotEqualTo(Ingest.taskId("m-2"));
    }
}
