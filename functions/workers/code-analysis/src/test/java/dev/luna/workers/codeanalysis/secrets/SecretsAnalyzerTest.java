package dev.luna.workers.codeanalysis.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.codebase.secrets.HistoryLimits;
import dev.luna.codebase.secrets.SecretScanner;
import dev.luna.workers.codeanalysis.findings.AnalysisInput;
import dev.luna.workers.codeanalysis.findings.AnalyzerResult;
import dev.luna.workers.codeanalysis.findings.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsAnalyzerTest {
    private static final String SLACK = "xoxb-" + "123456789012-1234567890123-" + "Qw3Er5Ty7Ui9Op1As3Df5Gh7";
    private static final String STRIPE = "sk_live_" + "Mn3Bv5Cx7Za9Sd2Fg4Hj6Kl8";
    private final SecretsAnalyzer analyzer = new SecretsAnalyzer(new SecretScanner(), HistoryLimits.DEFAULT);

    @TempDir
    Path root;

    @Test
    void filesAndHistoryBecomeMaskedCwe798Findings() throws Exception {
        String removedIn;
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            Files.writeString(root.resolve("notify.rb"), "SLACK = \"" + SLACK + "\"\n", StandardCharsets.UTF_8);
            git.add().addFilepattern("notify.rb").call();
            removedIn = git.commit().setMessage("add").setSign(false).call().getName();
            Files.writeString(root.resolve("notify.rb"), "SLACK = ENV['SLACK']\n", StandardCharsets.UTF_8);
            Files.writeString(root.resolve("pay.js"), "const k = '" + STRIPE + "';\n", StandardCharsets.UTF_8);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("move to env").setSign(false).call();
        }

        AnalyzerResult result = analyzer.analyze(new AnalysisInput(root, List.of("notify.rb", "pay.js"), () -> false));

        assertThat(result.findings()).extracting(Finding::ruleId, Finding::file, Finding::commit).containsExactly(
                org.assertj.core.groups.Tuple.tuple("secret-slack-token", "notify.rb", removedIn),
                org.assertj.core.groups.Tuple.tuple("secret-stripe-key", "pay.js", null));
        assertThat(result.findings()).allSatisfy(f -> {
            assertThat(f.cwe()).containsExactly(798);
            assertThat(f.analyzer()).isEqualTo("secrets");
            assertThat(f.toString()).doesNotContain(SLACK).doesNotContain(STRIPE);
        });
        assertThat(result.findings().get(1).snippet()).isEqualTo("const k = 'sk_l****';");
        assertThat(result.findings().get(0).message()).contains("in git history").contains(removedIn.substring(0, 12));
        assertThat(result.stats()).containsEntry("commitsScanned", 2).containsEntry("historyComplete", true);
        assertThat(analyzer.rules()).allSatisfy(r -> assertThat(r.cwe()).containsExactly(798)).extracting(r -> r.id()).isSorted();
    }
}
