package dev.luna.workers.openaiapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.workers.kit.Zips;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same source and options → byte-identical artifacts and project.zip, whatever the directory, time zone and locale. */
class DeterminismTest {
    @TempDir
    Path one;
    @TempDir
    Path two;

    @Test
    void twoRunsInOtherDirectoriesTimeZonesAndLocalesAreIdentical() throws Exception {
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            for (var fixture : new String[] {"spring-shop", "express-swagger"}) {
                var first = Runs.fixture(fixture, one.resolve(fixture + "/a/b"), AppOptions.defaults());
                Locale.setDefault(Locale.forLanguageTag("tr-TR"));
                TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
                var second = Runs.fixture(fixture, two.resolve("elsewhere/" + fixture), AppOptions.defaults());
                Locale.setDefault(locale);
                TimeZone.setDefault(zone);
                assertThat(second.artifacts().keySet()).isEqualTo(first.artifacts().keySet());
                for (var name : first.artifacts().keySet()) assertThat(second.artifacts().get(name)).as(name).isEqualTo(first.artifacts().get(name));
                assertThat(Zips.of(second.project())).isEqualTo(Zips.of(first.project()));
                for (var bytes : first.project().values()) {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    assertThat(text).doesNotContain(one.toString()).doesNotContain(two.toString());
                }
            }
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }
}
