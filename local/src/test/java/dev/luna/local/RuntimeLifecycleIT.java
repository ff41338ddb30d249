package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up, persistence across restarts, the generated admin key, and a taken port. */
class RuntimeLifecycleIT {

    @Test
    void dataSurvivesARestartAndTheGeneratedKeyIsShownOnce(@TempDir Path dir) {
        String key;
        String id;
        try (var first = LocalRuntime.builder().port(0).dataDirectory(dir).start()) {
            key = first.generatedAdminKey().orElseThrow();
            assertThat(key).startsWith("luna_").hasSizeGreaterThan(40);
            var api = new Api(first.baseUri(), key);
            id = api.post("/api/v1/agents", TestRuntime.agentJson("persisted", "t", "1.0.0")).data().get("id").asString();
            api.put("/api/v1/agents/" + id, "{\"version\":\"1.0.1\"}");
        }
        assertThat(Files.isDirectory(dir.resolve("dynamodb"))).isTrue();
        try (var second = LocalRuntime.builder().port(0).dataDirectory(dir).start()) {
            assertThat(second.generatedAdminKey()).as("not generated again").isEmpty();
            var api = new Api(second.baseUri(), key);
            var agent = api.get("/api/v1/agents/" + id);
            assertThat(agent.status()).isEqualTo(200);
            assertThat(agent.data().get("version").asString()).isEqualTo("1.0.1");
            assertThat(api.get("/api/v1/agents/" + id + "/versions").data().size()).isEqualTo(2);
        }
    }

    @Test
    void aTakenPortIsReportedClearly() throws Exception {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = socket.getLocalPort();
            assertThatThrownBy(() -> LocalRuntime.builder().port(port).dataDirectory(null).start())
                    .isInstanceOf(LocalRuntime.PortInUseException.class)
                    .hasMessageContaining("Port " + port + " is already in use")
                    .hasMessageContaining("LUNA_PORT");
        }
    }

    @Test
    void aConfiguredAdminKeyMustLookLikeOne() {
        assertThatThrownBy(() -> LocalRuntime.builder().port(0).dataDirectory(null).adminKey("secret").start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LUNA_ADMIN_KEY");
    }
}
