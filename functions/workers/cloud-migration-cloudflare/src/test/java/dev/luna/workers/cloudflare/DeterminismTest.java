package dev.luna.workers.cloudflare;

import dev.luna.testkit.Txtar;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same source and options, other temp dir, time zone and locale: byte-identical migration.json, migration.md and project.zip. */
class DeterminismTest {
    @TempDir
    Path tmp;

    @Test
    void twoRunsAreByteIdentical() throws Exception {
        for (String fixture : new String[]{"express-pg", "lambda-dynamo"}) {
            var first = Runs.run(Txtar.write(fixture, tmp.resolve("a/" + fixture)), MigrationOptions.defaults());
            var zone = TimeZone.getDefault();
            var locale = Locale.getDefault();
            try {
                TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
                Locale.setDefault(Locale.forLanguageTag("de-DE"));
                var second = Runs.run(Txtar.write(fixture, tmp.resolve("other/dir/" + fixture)), MigrationOptions.defaults());
                assertThat(second.json()).isEqualTo(first.json());
                assertThat(second.markdown()).isEqualTo(first.markdown());
                assertThat(second.zip()).isEqualTo(first.zip());
            } finally {
                TimeZone.setDefault(zone);
                Locale.setDefault(locale);
            }
            assertThat(first.json()).doesNotContain(tmp.toString());
            assertThat(String.join("\n", first.report().files().values())).doesNotContain(tmp.toString());
        }
    }
}
