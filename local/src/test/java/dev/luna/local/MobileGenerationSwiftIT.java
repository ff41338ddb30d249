package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code mobile-generation-swift} over the HTTP API, as the README's walkthrough runs it against a fresh runtime: an
 * OpenAPI document becomes a SwiftUI project (project.yml, the list screen, the client) with its contrast report; a
 * SwiftUI view is audited and the real git CLI applies the redesign patch; a bad bundle id is a 400 naming the field.
 */
class MobileGenerationSwiftIT {
    static final String KEY = "luna_local_admin_key_change_me_0001";

    @Test
    void theReadmeWalkthroughGeneratesAuditsAndRejectsBadOptions() throws Exception {
        String readme = Files.readString(Paths.root().resolve("README.md"));
        int start = readme.indexOf("<!-- swift-walkthrough:start -->");
        assertThat(start).isPositive();
        String block = readme.substring(start, readme.indexOf("<!-- swift-walkthrough:end -->"));
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
            assertThat(output).contains("\"mode\":\"generate\"").contains("\"apiFound\":true").contains("\"appName\":\"Pet Shop\"")
                    .contains("\"platforms\":[\"ios\",\"ipados\",\"macOS\"]");
            assertThat(output).contains("project.yml").contains("App/Screens/PetListView.swift").contains("Sources/PetShopCore/API/APIClient.swift");
            assertThat(output).contains("# Colour contrast (WCAG 2.x)");
            assertThat(output).contains("\"counts\":{").contains("\"hig-font-size\":1").contains("\"hig-icon-label\":1").contains("\"hig-hit-target\":1");
            assertThat(output).contains("- `BadgeView.swift:6`").contains("- `BadgeView.swift:7`");
            assertThat(output).contains("DS.Typography.title1").contains(".accessibilityLabel(\"Delete\")");
            assertThat(output).contains("\"code\":\"VALIDATION_FAILED\"").contains("bundleId");
            assertThat(output).doesNotContain("\"code\":\"INTERNAL\"");
        }
    }
}
