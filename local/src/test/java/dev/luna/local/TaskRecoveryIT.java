package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart on the same data directory loses the in-memory queues, not the tasks: the runtime reconciles them at
 * start (health-check with recover), so queued tasks run and a task whose worker stopped mid-run runs again.
 */
class TaskRecoveryIT {

    private static LocalRuntime start(Path dir) {
        return LocalRuntime.builder().port(0).dataDirectory(dir).adminKey(TestRuntime.ADMIN_KEY)
                .initializer(TestTaskTypes::register).start();
    }

    @Test
    void queuedAndRunningTasksFinishAfterARestart(@TempDir Path dir) {
        var ids = new ArrayList<String>();
        String interrupted;
        try (var first = start(dir)) {
            var api = new Api(first.baseUri(), TestRuntime.ADMIN_KEY);
            String agent = TestRuntime.runningTaskAgent(api);
            var r = api.post("/api/v1/tasks", "{\"type\":\"test-until-cancelled\",\"agentId\":\"" + agent + "\",\"payload\":{}}");
            interrupted = r.data().get("id").asString();
            String running = interrupted;
            Await.until(() -> api.get("/api/v1/tasks/" + running), x -> x.data().get("status").asString().equals("running"), "a task to run");
            for (int i = 0; i < 12; i++) {
                var t = api.post("/api/v1/tasks", "{\"type\":\"test-sleep\",\"priority\":\"background\",\"agentId\":\"" + agent
                        + "\",\"payload\":{\"ms\":400,\"i\":" + i + "}}");
                ids.add(t.data().get("id").asString());
            }
        }
        try (var second = start(dir)) {
            var api = new Api(second.baseUri(), TestRuntime.ADMIN_KEY);
            for (String id : ids) Await.task(api, id, "succeeded");
            String running = interrupted;
            var again = Await.until(() -> api.get("/api/v1/tasks/" + running), x -> x.data().get("status").asString().equals("running")
                    && x.data().get("attempts").asInt() == 2, "the interrupted task to run again").data();
            assertThat(again.get("error").get("errorClass").asString()).isEqualTo("WorkerLost");
            api.delete("/api/v1/tasks/" + running);
            Await.task(api, running, "cancelled");
        }
    }
}
