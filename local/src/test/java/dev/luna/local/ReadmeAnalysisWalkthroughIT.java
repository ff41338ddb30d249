package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the README's code-analysis and project-organization walkthrough, as a user would, against a fresh runtime. */
class ReadmeAnalysisWalkthroughIT {
    static final String KEY = "luna_local_admin_key_change_me_0001";

    @Test
    void theAnalysisWalkthroughWorksAsWritten() throws Exception {
        String readme = Files.readString(Paths.root().resolve("README.md"));
        int start = readme.indexOf("<!-- analysis-walkthrough:start -->");
        String block = readme.substring(start, readme.indexOf("<!-- analysis-walkthrough:end -->"));
        String script = block.substring(block.indexOf("```bash") + 7, block.lastIndexOf("```"));
        // as ./scripts/local runs: local git paths allowed
        try (var runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(KEY)
                .setting("LUNA_RAG_GIT_ALLOW_LOCAL", "true").setting("LUNA_RAG_GIT_ALLOW_PRIVATE_HOSTS", "true").start()) {
            var pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true);
            pb.environment().put("LUNA", "http://127.0.0.1:" + runtime.port());
            pb.environment().remove("LUNA_KEY");
            var process = pb.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(600, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).containsPattern("task tsk_[0-9A-Z]{26}: succeeded");
            assertThat(output).doesNotContain(": failed").doesNotContain(": timed_out");
            assertThat(output).contains("\"CWE-89\"").contains("findings.sarif").contains("sbom.cdx.json").contains("report.md");
            assertThat(output).contains("\"java-sqli\"");
            assertThat(output).contains("cleanup.patch applies");
            assertThat(output).contains("payload.options.rules[0]").contains("\"code\":\"NOT_FOUND\"");
            assertThat(output).doesNotContain("q8Zt2XvK7mR4pLw9Nc3Hs6Bf1Jd5Gy0TaUe8WxQk\"").doesNotContain("\"code\":\"INTERNAL\"");
        }
    }
}
