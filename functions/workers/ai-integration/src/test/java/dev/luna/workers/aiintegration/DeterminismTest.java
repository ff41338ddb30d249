package dev.luna.workers.aiintegration;

import dev.luna.testkit.Txtar;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same source and options → byte-identical ai-integration.md and ai-integration.patch, whatever the directory, time zone and locale. */
class DeterminismTest {
    @TempDir
    Path one;
    @TempDir
    Path two;

    @Test
    void twoRunsInOtherDirectoriesTimeZonesAndLocalesAreIdentical() throws Exception {
        var first = run("java-shop", one.resolve("a/b"));
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            var second = run("java-shop", two.resolve("elsewhere"));
            assertThat(second.markdown()).isEqualTo(first.markdown());
            assertThat(second.patch()).isEqualTo(first.patch());
            var ts1 = run("express-ts", one.resolve("ts"));
            Locale.setDefault(Locale.GERMANY);
            var ts2 = run("express-ts", two.resolve("ts"));
            assertThat(ts2.patch()).isEqualTo(ts1.patch());
            assertThat(ts2.markdown()).isEqualTo(ts1.markdown());
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
        assertThat(first.markdown()).doesNotContain(one.toString()).doesNotContain(two.toString());
        assertThat(new String(first.patch(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(one.toString());
    }

    private static Runs.Run run(String fixture, Path dir) throws Exception {
        Txtar.write(fixture, dir);
        return Runs.run(dir, AiIntegrationBench.files(dir), IntegrationOptions.defaults());
    }
}
