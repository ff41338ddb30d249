package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's live-events example (SSE with curl, then a resume with Last-Event-ID) and its platform
 * notification example against a fresh runtime.
 */
class ReadmeLiveEventsIT {
    private static final String KEY = "luna_local_admin_key_change_me_0001";

    @Test
    void theSseExampleWorksAsWritten() throws Exception {
        String readme = Files.readString(Paths.root().resolve("README.md"));
        int start = readme.indexOf("<!-- live-events:start -->");
        int end = readme.indexOf("<!-- live-events:end -->");
        assertThat(start).isPositive();
        String block = readme.substring(start, end);
        String script = block.substring(block.indexOf("```bash") + 7, block.lastIndexOf("```"));
        try (var runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(KEY).start()) {
            var pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true);
            pb.environment().put("LUNA", "http://127.0.0.1:" + runtime.port());
            pb.environment().remove("LUNA_KEY");
            var process = pb.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("event: task_progress").contains("\"status\":\"running\"");
            var lines = output.lines().toList();
            long first = Long.parseLong(lines.stream().filter(l -> l.startsWith("id: ")).findFirst().orElseThrow().substring(4));
            // the resumed stream: the ids after the first one, in order, none missing at its start
            var resumed = lines.stream().filter(l -> l.startsWith("resumed: id: ")).map(l -> Long.parseLong(l.substring(13))).toList();
            assertThat(resumed).isNotEmpty().isSorted().allMatch(id -> id > first);
            assertThat(resumed.getFirst()).isEqualTo(first + 1);
        }
    }

    @Test
    void theAdminNotificationExampleWorksAsWritten() throws Exception {
        String readme = Files.readString(Paths.root().resolve("README.md"));
        int start = readme.indexOf("<!-- admin-notifications:start -->");
        int end = readme.indexOf("<!-- admin-notifications:end -->");
        assertThat(start).isPositive();
        String block = readme.substring(start, end);
        String script = block.substring(block.indexOf("```bash") + 7, block.lastIndexOf("```"));
        try (var runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(KEY).start()) {
            var pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true);
            pb.environment().put("LUNA", "http://127.0.0.1:" + runtime.port());
            pb.environment().remove("LUNA_KEY");
            var process = pb.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            // the answer, the event the SSE stream received, and the 400 naming the field
            assertThat(output).contains("\"projects\":1").contains("\"severity\":\"warning\"");
            var event = output.lines().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow();
            assertThat(event).contains("\"type\":\"system_notification\"").contains("\"level\":\"warning\"")
                    .contains("\"title\":\"Maintenance at 22:00 UTC\"");
            assertThat(output).contains("VALIDATION_FAILED").contains("severity");
        }
    }
}
