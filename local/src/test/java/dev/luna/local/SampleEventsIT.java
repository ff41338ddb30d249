package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.catalog.Catalog;
import dev.luna.core.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Replays every sample event under {@code events/} through the same Spring Cloud Function path Lambda uses
 * (raw event JSON in, response JSON out), each example id replaced by a real one ({@link SampleEventFixtures}). HTTP events must answer
 * 2xx with their request id; scheduled events (EventBridge "Scheduled Event" JSON) must answer their run's report.
 */
class SampleEventsIT {
    @TestFactory
    Stream<DynamicTest> everySampleEventSucceeds() throws IOException {
        var runtime = TestRuntime.shared();
        var capabilities = new ArrayList<>(Catalog.load().taskWorkers().keySet());
        capabilities.addAll(java.util.List.of(TestTaskTypes.ALL));
        var fixtures = new SampleEventFixtures(runtime.baseUri(), TestRuntime.ADMIN_KEY, capabilities);
        var tests = new ArrayList<DynamicTest>();
        for (var f : Catalog.load().functions().values()) {
            Path dir = Paths.root().resolve("events").resolve(f.name());
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    tests.add(DynamicTest.dynamicTest(f.name() + "/" + file.getFileName(), () -> {
                        String event = fixtures.prepare(f.name(), Files.readString(file));
                        byte[] out = runtime.invoker().invoke(f.bean(), event.getBytes(StandardCharsets.UTF_8));
                        JsonNode response = Json.mapper().readTree(out);
                        if (f.trigger().isQueue() || f.trigger().isTask() || f.trigger().isStream()) {
                            assertThat(response.get("batchItemFailures").isArray()).as(f.name() + " answered " + response).isTrue();
                            assertThat(response.get("batchItemFailures").size()).as(f.name() + " answered " + response).isZero();
                            return;
                        }
                        if (f.trigger().isSchedule()) {
                            assertThat(response.get("function").asString()).as(f.name() + " answered " + response).isEqualTo(f.name());
                            assertThat(response.get("summary").isObject()).isTrue();
                            return;
                        }
                        int status = response.get("statusCode").asInt();
                        assertThat(status).as(f.name() + " answered " + response).isBetween(200, 299);
                        String requestId = response.get("headers").get("X-Request-Id").asString();
                        assertThat(requestId).isEqualTo(Json.tree(event).get("requestContext").get("requestId").asString());
                    }));
                }
            }
        }
        return tests.stream();
    }
}
