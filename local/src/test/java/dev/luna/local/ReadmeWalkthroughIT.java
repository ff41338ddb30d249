package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the README's curl walkthrough, as a user would, against a fresh runtime. */
class ReadmeWalkthroughIT {

    /** Runs the README's bash block between the given markers against a fresh runtime; returns its output. */
    static String run(String marker) throws Exception {
        return run("README.md", marker, java.util.Map.of());
    }

    /** The same for a block of another Markdown file, against a runtime with the given settings. */
    static String run(String file, String marker, java.util.Map<String, String> settings) throws Exception {
        String readme = Files.readString(Paths.root().resolve(file));
        int start = readme.indexOf("<!-- " + marker + ":start -->");
        int end = readme.indexOf("<!-- " + marker + ":end -->");
        assertThat(start).as(marker + " block").isPositive();
        String block = readme.substring(start, end);
        String script = block.substring(block.indexOf("```bash") + 7, block.lastIndexOf("```"));
        var builder = LocalRuntime.builder().port(0).dataDirectory(null).adminKey("luna_local_admin_key_change_me_0001");
        settings.forEach(builder::setting);
        try (var runtime = builder.start()) {
            var pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true);
            pb.environment().put("LUNA", "http://127.0.0.1:" + runtime.port());
            pb.environment().remove("LUNA_KEY");
            var process = pb.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).doesNotContain("\"code\":\"INTERNAL\"");
            return output;
        }
    }

    @Test
    void theIdentityWalkthroughWorksAsWritten() throws Exception {
        String output = run("identity");
        assertThat(output).containsPattern("\"id\":\"prj_[0-9A-Z]{26}\"");
        assertThat(output).contains("\"role\":\"developer\"");
        assertThat(output).containsPattern("\"secret\":\"luna_");
        assertThat(output).contains("\"name\":\"Alice agent\"");
        assertThat(output).contains("\"code\":\"NOT_FOUND\"");
        assertThat(output).contains("\"token_type\":\"Bearer\"");
        assertThat(output).contains("Refresh token reuse detected");
        assertThat(output).contains("\"kty\":\"EC\"");
        assertThat(output).contains("\"subject\":\"usr_alice\"");
        assertThat(output).contains("\"enabled\":false").contains("LUNA_SSO_ISSUER");
        assertThat(output).contains("\"action\":\"projects-members-add\"");
    }

    @Test
    void theRagWalkthroughWorksAsWritten() throws Exception {
        String output = run("rag");
        // accepted as queued, then run by rag-index-worker from the rag-index queue (the runtime's poller), as in AWS
        assertThat(output).containsPattern("\\{\"data\":\\{\"id\":\"job_[^\"]+\",\"projectId\":\"default\",\"status\":\"queued\"");
        assertThat(output).contains("\"status\":\"succeeded\"").contains("\"filesIndexed\":2");
        assertThat(output).contains("\"symbol\":\"PriceCalculator.totalCents\"");
        assertThat(output).containsPattern("\"contexts\":\\[\\{\"id\":\"ctx_[0-9a-f]{24}\",\"path\":\"src/main/java/shop/PriceCalculator.java\"");
        assertThat(output).contains("{\"strategy\":\"whitespace\"").contains("{\"strategy\":\"comments\"");
        assertThat(output).contains("\"savedTokens\"");
        assertThat(output).contains("\"code\":\"VALIDATION_FAILED\"").contains("topK");
    }

    @Test
    void theRagSourcesWalkthroughWorksAsWritten() throws Exception {
        // the runtime gets the git settings ./scripts/local gives it (local repositories allowed)
        String file = "README.md";
        String output = run(file, "rag-sources", java.util.Map.of("LUNA_RAG_GIT_ALLOW_LOCAL", "true", "LUNA_RAG_GIT_ALLOW_PRIVATE_HOSTS", "true"));
        assertThat(output).contains("\"sourceType\":\"git\"").contains("\"status\":\"succeeded\"").contains("\"filesIndexed\":2");
        assertThat(output).contains("\"filesIndexed\":1,\"filesUnchanged\":1").containsPattern("\"revision\":\"[0-9a-f]{40}\"");
        assertThat(output).contains("\"path\":\"src/billing/Vat.java\"");
        assertThat(output).contains("\"code\":\"VALIDATION_FAILED\"").contains("must not contain credentials").doesNotContain("hunter2");
        assertThat(output).contains("\"symbol\":\"page 2\"").contains("Disputed payments are frozen");
        assertThat(output).contains("PNG image, 120 × 80 pixels");
        assertThat(output).contains("summarize: no model provider is configured");
        assertThat(output).containsPattern("\"optimized\":\\{\"optimizations\":1,");
    }

    @Test
    void theGitRefreshWalkthroughWorksAsWritten() throws Exception {
        String output = run("README.md", "rag-refresh", java.util.Map.of("LUNA_RAG_GIT_ALLOW_LOCAL", "true"));
        assertThat(output).contains("\"indexedRevision\":\"").contains("\"stale\":false");
        assertThat(output).containsPattern("\"queued\":\\[\\{\"watchId\":\"job_");
        assertThat(output).contains("\"filesIndexed\":1,\"filesUnchanged\":1").doesNotContain("\"stale\":true");
        assertThat(output).contains("\"code\":\"UNAUTHENTICATED\"");
        assertThat(output).doesNotContain("ledger-webhook-secret-0001\"}");
    }

    @Test
    void theReadmeWalkthroughWorksAsWritten() throws Exception {
        String output = run("walkthrough");
        assertThat(output).contains("\"status\":\"ok\"");
        assertThat(output).containsPattern("agent: agt_[0-9A-Z]{26}");
        assertThat(output).contains("\"version\":\"1.1.0\"");
        assertThat(output).contains("\"status\":\"running\"");
        assertThat(output).contains("\"tasksCompleted\":42");
        assertThat(output).contains("\"change\":\"rolled_back\"");
        assertThat(output).contains("\"status\":\"deactivated\"");
        assertThat(output).contains("\"code\":\"VALIDATION_FAILED\"").contains("Invalid field 'version'");
        assertThat(output).doesNotContain("UNAUTHENTICATED");
    }

    @Test
    void theReadmeGatewayWalkthroughWorksAsWritten() throws Exception {
        String output = run("gateway-walkthrough");
        assertThat(output).contains("\"object\":\"chat.completion\"").contains("[offline: luna-local-1");
        assertThat(output).contains("\"object\":\"chat.completion.chunk\"").contains("data: [DONE]");
        assertThat(output).contains("\"signingSecret\":\"whsec_").contains("\"scope\":\"agent\"");
        assertThat(output).contains("\"groupBy\":[\"day\",\"model\"]").contains("\"model\":\"luna-local-1\"");
        assertThat(output).contains("\"code\":\"VALIDATION_FAILED\"").contains("monthlyLimitUsd");
        assertThat(output).doesNotContain("UNAUTHENTICATED");
    }
}
