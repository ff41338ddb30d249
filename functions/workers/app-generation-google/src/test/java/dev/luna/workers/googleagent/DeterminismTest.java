package dev.luna.workers.googleagent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.workers.googleagent.plan.AgentOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same source and options give byte-identical artifacts and project.zip, whatever the directory, time zone or locale. */
class DeterminismTest {
    @TempDir
    Path first;
    @TempDir
    Path second;

    @Test
    void sameBytesFromAnotherDirectoryTimeZoneAndLocale() throws Exception {
        copy(Generate.FIXTURES.resolve("spring-shop"), first.resolve("a"));
        copy(Generate.FIXTURES.resolve("spring-shop"), second.resolve("deeper/b"));
        var a = Generate.all(Generate.run(first.resolve("a"), AgentOptions.DEFAULT));
        var zone = TimeZone.getDefault();
        var locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            var b = Generate.all(Generate.run(second.resolve("deeper/b"), AgentOptions.DEFAULT));
            assertThat(b.keySet()).isEqualTo(a.keySet());
            for (var name : a.keySet()) assertThat(b.get(name)).as(name).isEqualTo(a.get(name));
            for (var bytes : a.values()) {
                String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(text).doesNotContain(first.toString()).doesNotContain("\r\n");
            }
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }

    static void copy(Path from, Path to) throws Exception {
        try (var s = Files.walk(from)) {
            for (var p : s.toList()) {
                var target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
