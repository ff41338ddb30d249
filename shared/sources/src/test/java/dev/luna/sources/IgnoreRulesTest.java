package dev.luna.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** .gitignore as git applies it: nearest file first, negations, directories that cannot be re-entered, .git always out. */
class IgnoreRulesTest {
    static IgnoreRules rules(Map<String, String> files) {
        var bytes = new java.util.HashMap<String, byte[]>();
        files.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return IgnoreRules.parse(bytes);
    }

    @Test
    void nestedFilesWithNegationsDecideNearestFirst() {
        var r = rules(Map.of(
                ".gitignore", "*.log\nbuild/\n/secrets.env\n!keep.log\n",
                "app/.gitignore", "!debug.log\n*.tmp\n",
                "app/vendor/.gitignore", "*\n!.gitignore\n!README.md\n"));
        assertThat(r.ignored("server.log")).isTrue();
        assertThat(r.ignored("keep.log")).as("negated in the root").isFalse();
        assertThat(r.ignored("app/server.log")).as("the root's rule reaches down").isTrue();
        assertThat(r.ignored("app/debug.log")).as("re-included by the nearer file").isFalse();
        assertThat(r.ignored("app/x.tmp")).isTrue();
        assertThat(r.ignored("x.tmp")).as("app/.gitignore only governs app/").isFalse();
        assertThat(r.ignored("secrets.env")).isTrue();
        assertThat(r.ignored("app/secrets.env")).as("a leading slash anchors to the file's directory").isFalse();
        assertThat(r.ignored("app/vendor/lib.js")).isTrue();
        assertThat(r.ignored("app/vendor/README.md")).isFalse();
        assertThat(r.ignored("app/vendor/.gitignore")).isFalse();
        assertThat(r.ignored("src/Main.java")).isFalse();
    }

    @Test
    void aFileInsideAnIgnoredDirectoryCannotBeReIncluded() {
        var r = rules(Map.of(".gitignore", "build/\n!build/keep.txt\nout\n", "build/.gitignore", "!important.txt\n"));
        assertThat(r.ignored("build/keep.txt")).isTrue();
        assertThat(r.ignored("build/important.txt")).isTrue();
        assertThat(r.ignored("sub/build/x.class")).as("a pattern without a slash matches at any depth").isTrue();
        assertThat(r.ignored("out/a/b/c.txt")).isTrue();
        assertThat(r.ignored("output/c.txt")).isFalse();
    }

    @Test
    void gitDirectoriesAreAlwaysIgnoredAndNoRulesIgnoreNothingElse() {
        for (var r : List.of(IgnoreRules.NONE, rules(Map.of(".gitignore", "!.git\n")))) {
            assertThat(r.ignored(".git/config")).isTrue();
            assertThat(r.ignored("sub/.git/HEAD")).isTrue();
            assertThat(r.ignored("vendor/lib/.git")).isTrue();
            assertThat(r.ignored(".gitignore")).isFalse();
            assertThat(r.ignored("a/b/c.txt")).isFalse();
        }
    }
}
