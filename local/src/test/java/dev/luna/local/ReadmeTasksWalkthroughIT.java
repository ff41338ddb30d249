package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the README's task walkthrough and its queue-submission example, as a user would, against a fresh runtime. */
class ReadmeTasksWalkthroughIT {

    private static String block(String readme, String name) {
        int start = readme.indexOf("<!-- " + name + ":start -->");
        int end = readme.indexOf("<!-- " + name + ":end -->");
        assertThat(start).as(name).isPositive();
        String block = readme.substring(start, end);
        return block.substring(block.indexOf("```bash") + 7, block.lastIndexOf("```"));
    }

    @Test
    void theTaskWalkthroughAndTheQueueSubmissionWorkAsWritten() throws Exception {
        String readme = Files.readString(Paths.root().resolve("README.md"));
        try (var runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey("luna_local_admin_key_change_me_0001").start()) {
            String output = run(runtime, block(readme, "tasks-walkthrough"));
            assertThat(output).containsPattern("\"status\":\"queued\"");
            assertThat(output).contains("\"result\":{\"message\":\"hello\"");
            assertThat(output).contains("\"cached\":true");
            assertThat(output).containsPattern("cancelled: tsk_[0-9A-Z]{26}");
            assertThat(output).contains("\"retries\":1");
            assertThat(output).contains("\"worker\":\"task-echo\"").contains("\"queue\":\"tasks-echo-critical\"");
            assertThat(output).contains("\"windowMinutes\":60");
            assertThat(output).contains("\"from\":\"background\",\"to\":\"critical\"");
            assertThat(output).contains("\"redriven\":[]");
            assertThat(output).contains("\"code\":\"VALIDATION_FAILED\"").contains("is not a known task type");
            assertThat(output).contains("\"code\":\"VALIDATION_FAILED\"").contains("payload.message").contains("payload.steps");
            assertThat(output).doesNotContain("\"code\":\"INTERNAL\"").doesNotContain("UNAUTHENTICATED");

            String sent = run(runtime, block(readme, "queue-submission"));
            assertThat(sent).contains("MessageId");
            var api = new Api(runtime.baseUri(), "luna_local_admin_key_change_me_0001");
            var listed = Await.until(() -> api.get("/api/v1/tasks?type=echo&status=succeeded&limit=100"),
                    r -> r.body().contains("\"createdBy\":\"sqs:task-submissions\""), "the queue submission to run");
            String id = null;
            for (var t : listed.data()) if (t.get("createdBy").asString().equals("sqs:task-submissions")) id = t.get("id").asString();
            assertThat(api.get("/api/v1/tasks/" + id).data().get("result").get("message").asString()).isEqualTo("sent over SQS");
        }
    }

    private static String run(LocalRuntime runtime, String script) throws Exception {
        var pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true);
        pb.environment().put("LUNA", "http://127.0.0.1:" + runtime.port());
        pb.environment().put("LUNA_SQS", runtime.emulators().sqsEndpoint().toString());
        pb.environment().remove("LUNA_KEY");
        var process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
