package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the README's curl walkthrough, as a user would, against a fresh runtime. */
class ReadmeWalkthroughIT {

    @Test
    void theReadmeWalkthroughWorksAsWritten() throws Exception {
        String readme = Files.readString(Paths.root().resolve("README.md"));
        int start = readme.indexOf("<!-- walkthrough:start -->");
        int end = readme.indexOf("<!-- walkthrough:end -->");
        assertThat(start).isPositive();
        String block = readme.substring(start, end);
        String script = block.substring(block.indexOf("```bash") + 7, block.lastIndexOf("```"));

        try (var runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey("luna_local_admin_key_change_me_0001").start()) {
            var pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true);
            pb.environment().put("LUNA", "http://127.0.0.1:" + runtime.port());
            pb.environment().remove("LUNA_KEY");
            var process = pb.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("\"status\":\"ok\"");
            assertThat(output).containsPattern("agent: agt_[0-9A-Z]{26}");
            assertThat(output).contains("\"version\":\"1.1.0\"");
            assertThat(output).contains("\"status\":\"running\"");
            assertThat(output).contains("\"tasksCompleted\":42");
            assertThat(output).contains("\"change\":\"rolled_back\"");
            assertThat(output).contains("\"status\":\"deactivated\"");
            assertThat(output).contains("\"code\":\"VALIDATION_FAILED\"").contains("Invalid field 'version'");
            assertThat(output).doesNotContain("\"code\":\"INTERNAL\"").doesNotContain("UNAUTHENTICATED");
        }
    }

    @Test
    void theReadmeGatewayWalkthroughWorksAsWritten() throws Exception {
        String readme = Files.readString(Paths.root().resolve("README.md"));
        String block = readme.substring(readme.indexOf("<!-- gateway-walkthrough:start -->"), readme.indexOf("<!-- gateway-walkthrough:end -->"));
        String script = block.substring(block.indexOf("```bash") + 7, block.lastIndexOf("```"));
        try (var runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey("luna_local_admin_key_change_me_0001").start()) {
            var pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true);
            pb.environment().put("LUNA", "http://127.0.0.1:" + runtime.port());
            pb.environment().remove("LUNA_KEY");
            var process = pb.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("\"object\":\"chat.completion\"").contains("[offline: luna-local-1");
            assertThat(output).contains("\"object\":\"chat.completion.chunk\"").contains("data: [DONE]");
            assertThat(output).contains("\"signingSecret\":\"whsec_").contains("\"scope\":\"agent\"");
            assertThat(output).contains("\"groupBy\":[\"day\",\"model\"]").contains("\"model\":\"luna-local-1\"");
            assertThat(output).contains("\"code\":\"VALIDATION_FAILED\"").contains("monthlyLimitUsd");
            assertThat(output).doesNotContain("\"code\":\"INTERNAL\"").doesNotContain("UNAUTHENTICATED");
        }
    }
}
