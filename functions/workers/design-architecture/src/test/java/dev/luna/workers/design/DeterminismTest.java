package dev.luna.workers.design;

import dev.luna.testkit.Txtar;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same source and options, another folder, time zone and locale: byte-identical artifacts, with no trace of where they were made. */
class DeterminismTest {
    @TempDir
    Path tmp;

    @Test
    void twiceGivesTheSameBytes() throws Exception {
        var first = Runs.run(Txtar.write("shop", tmp.resolve("a")), "Split the monolith", DesignOptions.DEFAULT).generated();
        var zone = TimeZone.getDefault();
        var locale = Locale.getDefault();
        Generated second;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            second = Runs.run(Txtar.write("shop", tmp.resolve("elsewhere/b")), "Split the monolith", DesignOptions.DEFAULT).generated();
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
        assertThat(second.files().keySet()).containsExactlyElementsOf(first.files().keySet());
        for (var name : first.files().keySet()) assertThat(second.files().get(name)).as(name).isEqualTo(first.files().get(name));
        for (var bytes : first.files().values()) assertThat(new String(bytes)).doesNotContain(tmp.toString()).doesNotContain("\r");
    }
}
