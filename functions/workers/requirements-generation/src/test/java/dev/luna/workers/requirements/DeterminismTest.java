package dev.luna.workers.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.workers.kit.Zips;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same project, other folder, time zone and locale: byte-identical requirements.md, requirements.json and features.zip. */
class DeterminismTest {
    @TempDir
    Path tmp;

    private record Output(byte[] md, byte[] json, byte[] zip) {
    }

    private Output once(String fixture, Path dir) throws Exception {
        var out = Fixture.txtar(fixture, dir);
        return new Output(out.markdownBytes(), out.jsonBytes(), Zips.of(out.features()));
    }

    @Test
    void twiceGivesTheSameBytes() throws Exception {
        for (String fixture : new String[] {"spring-shop", "express-todo"}) {
            var first = once(fixture, tmp.resolve("a-" + fixture));
            var zone = TimeZone.getDefault();
            var locale = Locale.getDefault();
            try {
                TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
                Locale.setDefault(Locale.forLanguageTag("tr-TR"));
                var second = once(fixture, tmp.resolve("elsewhere/deeper/b-" + fixture));
                assertThat(second.md()).isEqualTo(first.md());
                assertThat(second.json()).isEqualTo(first.json());
                assertThat(dev.luna.core.Hashes.sha256Hex(second.zip())).as("features.zip").isEqualTo(dev.luna.core.Hashes.sha256Hex(first.zip()));
            } finally {
                TimeZone.setDefault(zone);
                Locale.setDefault(locale);
            }
            String all = new String(first.md(), StandardCharsets.UTF_8) + new String(first.json(), StandardCharsets.UTF_8);
            assertThat(all).doesNotContain(tmp.toString()).doesNotContain("\r");
            assertThat(first.zip()).isNotEmpty();
        }
    }
}
