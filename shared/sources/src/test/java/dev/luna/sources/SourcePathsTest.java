package dev.luna.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.luna.core.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one path rule: relative, no '..', no drive letter, no NUL, bounded length; separators and '.' normalised. */
class SourcePathsTest {
    @Test
    void safePathsAreNormalised() {
        assertThat(SourcePaths.normalise("f", "src/Main.java")).isEqualTo("src/Main.java");
        assertThat(SourcePaths.normalise("f", "./src//main\\Main.java")).isEqualTo("src/main/Main.java");
        assertThat(SourcePaths.normalise("f", "a/./b/")).isEqualTo("a/b");
        assertThat(SourcePaths.normalise("f", "..hidden/x..y")).as("dots inside names are fine").isEqualTo("..hidden/x..y");
        assertThat(SourcePaths.depth("a/b/c.txt")).isEqualTo(2);
        assertThat(SourcePaths.depth("c.txt")).isZero();
    }

    @Test
    void unsafePathsAreRefusedNamingTheField() {
        for (String bad : List.of("../etc/passwd", "a/../../b", "..", "/etc/passwd", "\\\\server\\share", "C:\\Windows\\x", "c:x", "a\0b", "",
                " ", ".", "./", "a/" + "b".repeat(SourcePaths.MAX_CHARS))) {
            assertThatThrownBy(() -> SourcePaths.normalise("payload.source.files[3].path", bad)).as(bad).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("payload.source.files[3].path");
            assertThat(SourcePaths.normaliseOrNull(bad)).as(bad).isNull();
        }
    }
}
