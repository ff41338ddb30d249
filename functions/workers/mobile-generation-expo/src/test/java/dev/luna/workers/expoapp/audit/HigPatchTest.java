package dev.luna.workers.expoapp.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.toolchains.ExpoChecks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit on a small React Native app (src/test/resources/fixtures/rn-audit) committed to a real git repository:
 * the report names each violation with file:line, hig.patch applies with {@code git apply} to that revision, the
 * patched app type-checks against React Native's own types, and an audit of the patched app finds none of the
 * violations the patch fixes.
 */
class HigPatchTest {
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/rn-audit");
    @TempDir
    Path dir;

    @Test
    void patchAppliesWithGitTypeChecksAndFixesTheFindings() throws Exception {
        var repo = dir.resolve("repo");
        copy(FIXTURE, repo);
        git(repo, "init", "-q");
        git(repo, "add", "-A");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "fixture");
        assertThat(ExpoChecks.typecheck(repo)).as("the fixture type-checks before the patch").isEmpty();

        var result = HigAudit.run(repo, files(repo), () -> false);
        assertThat(result.filesScanned()).isEqualTo(3);
        var counts = result.counts();
        assertThat(counts.get("hig-font-size")).isEqualTo(3);
        assertThat(counts.get("hig-color-literal")).isEqualTo(7);
        assertThat(counts.get("hig-hit-target")).isEqualTo(4);
        assertThat(counts.get("hig-icon-label")).isEqualTo(2);
        assertThat(counts.get("hig-contrast")).isEqualTo(1);
        assertThat(counts.get("hig-dark-mode")).isEqualTo(2);
        assertThat(counts.get("hig-fixed-layout")).isEqualTo(2);
        assertThat(result.report()).contains("`src/components/ProfileCard.tsx:25`: #AAAAAA on #FFFFFF: 2.32:1, needs 4.5:1")
                .contains("`src/components/Toolbar.tsx:8`: <Pressable> with only an icon");

        Files.writeString(dir.resolve("hig.patch"), result.patch());
        git(repo, "apply", "--check", dir.resolve("hig.patch").toString());
        git(repo, "apply", dir.resolve("hig.patch").toString());
        assertThat(repo.resolve("src/luna-theme.ts")).exists();
        assertThat(repo.resolve("src/components/Toolbar.tsx")).content().contains("accessibilityLabel=\"Button\"")
                .contains("import { hitTarget } from '../luna-theme';");
        assertThat(ExpoChecks.typecheck(repo)).as("the patched app type-checks").isEmpty();

        var after = HigAudit.run(repo, files(repo), () -> false).counts();
        for (var fixed : List.of("hig-font-size", "hig-color-literal", "hig-hit-target", "hig-icon-label",
                "hig-contrast", "hig-dark-mode", "hig-fixed-layout")) {
            assertThat(after.get(fixed)).as(fixed + " after the patch").isZero();
        }
    }

    @Test
    void cleanSourcesGiveNoFindingsAndNoPatch() throws Exception {
        Files.writeString(dir.resolve("Clean.tsx"), """
                import { Text } from 'react-native';
                import { useTheme } from './theme';
                export function Clean() {
                  const t = useTheme();
                  return <Text style={[t.typography.body, { color: t.colors.label }]}>Hi</Text>;
                }
                """);
        var result = HigAudit.run(dir, List.of("Clean.tsx"), () -> false);
        assertThat(result.findings()).isEmpty();
        assertThat(result.patch()).isEmpty();
        assertThat(result.report()).contains("Nothing to patch.");
    }

    @Test
    void aFileHoldingASecretIsReportedButNotCopiedIntoThePatch() throws Exception {
        Files.writeString(dir.resolve("Pay.tsx"), """
                import { Text } from 'react-native';
                const STRIPE_KEY = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc9aZ3kLmNoPq';
                export const Pay = () => <Text style={{ fontSize: 12 }}>{STRIPE_KEY.length}</Text>;
                """);
        var result = HigAudit.run(dir, List.of("Pay.tsx"), () -> false);
        assertThat(result.counts().get("hig-font-size")).isEqualTo(1);
        assertThat(result.patch()).isEmpty();
        assertThat(result.report()).contains("## Not patched").contains("`Pay.tsx`").doesNotContain("sk_live_");
    }

    static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".git/") && !p.startsWith("node_modules/")).sorted().toList();
        }
    }

    static void git(Path repo, String... args) throws Exception {
        var command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        var p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("git " + String.join(" ", args) + ": " + out).isZero();
    }

    static void copy(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (var p : s.toList()) {
                var target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
