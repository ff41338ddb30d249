package dev.luna.workers.projectorganization.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** .gitignore semantics as git applies them. */
class IgnoreRulesTest {
    @Test
    void foldersNegationsAnchorsAndNestedFiles() {
        var rules = new IgnoreRules(Map.of("", "build/\n*.log\n!keep.log\n/root-only.txt\n", "web", "dist/\n!dist/\n"));
        assertThat(rules.ignored("build/x/y.class")).isTrue();
        assertThat(rules.ignored("a/build/y.class")).isTrue();
        assertThat(rules.ignored("build.gradle")).isFalse();
        assertThat(rules.ignored("logs/app.log")).isTrue();
        assertThat(rules.ignored("keep.log")).isFalse();
        assertThat(rules.ignored("root-only.txt")).isTrue();
        assertThat(rules.ignored("sub/root-only.txt")).isFalse();
        assertThat(rules.ignored("web/dist/app.js")).as("the deeper .gitignore re-includes").isFalse();
        assertThat(rules.rule("a/build/y.class")).isEqualTo("\"build/\" in .gitignore");
    }

    @Test
    void aFileInsideAnIgnoredFolderCannotBeReIncluded() {
        var rules = new IgnoreRules(Map.of("", "out/\n!out/keep.txt\n"));
        assertThat(rules.ignored("out/keep.txt")).isTrue();
    }
}
