package dev.luna.workers.projectorganization;

import dev.luna.testkit.Txtar;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same project, other folder, time zone and locale: byte-identical report and patch, with no trace of where it ran. */
class DeterminismTest {
    @TempDir
    Path tmp;

    private record Output(byte[] md, byte[] json, byte[] patch) {
    }

    private Output once(Path dir) throws Exception {
        Txtar.write("ts-workspace", dir);
        var input = OrganizationInput.of(dir, null);
        var report = new OrganizationAnalysis().analyse(input);
        return new Output(ReportMarkdown.render(report).getBytes(StandardCharsets.UTF_8), ReportJson.render(report),
                new CleanupPatch().build(input, report));
    }

    @Test
    void twiceGivesTheSameBytes() throws Exception {
        var first = once(tmp.resolve("a"));
        var zone = TimeZone.getDefault();
        var locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            var second = once(tmp.resolve("other-place/b"));
            assertThat(second.md()).isEqualTo(first.md());
            assertThat(second.json()).isEqualTo(first.json());
            assertThat(second.patch()).isEqualTo(first.patch());
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
        String all = new String(first.md(), StandardCharsets.UTF_8) + new String(first.json(), StandardCharsets.UTF_8)
                + new String(first.patch(), StandardCharsets.UTF_8);
        assertThat(all).doesNotContain(tmp.toString()).doesNotContain("\r");
        assertThat(first.patch()).isNotEmpty();
    }
}
