package dev.luna.workers.codeanalysis.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.workers.codeanalysis.findings.Finding;
import dev.luna.workers.codeanalysis.findings.Region;
import dev.luna.workers.codeanalysis.findings.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTableTest {
    @Test
    void rendersRowsEscapesCellsAndSaysWhatWasLeftOut() {
        var a = new Finding("pmd-EmptyCatchBlock", "quality", Severity.MEDIUM, "Avoid empty catch | blocks\nplease", "src/A.java",
                Region.line(12), "", List.of(), List.of(), null, null);
        var b = new Finding("dep-duplicate", "dependencies", Severity.LOW, "again", "pom.xml", Region.line(3), "", List.of(), List.of(), null, null);

        assertThat(MarkdownTable.findings(List.of(a, b), 1)).isEqualTo("""
                | Severity | Rule | Location | Message |
                |---|---|---|---|
                | medium | `pmd-EmptyCatchBlock` | `src/A.java:12` | Avoid empty catch \\| blocks please |

                1 more not shown.
                """);
    }
}
