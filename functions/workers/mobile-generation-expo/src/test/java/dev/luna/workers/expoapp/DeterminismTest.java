package dev.luna.workers.expoapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.workers.expoapp.audit.HigAudit;
import dev.luna.workers.kit.Zips;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same source and options give byte-identical project.zip, report and patch, whatever the directory, time zone or locale. */
class DeterminismTest {
    @TempDir
    Path first;
    @TempDir
    Path second;

    @Test
    void sameBytesFromAnotherDirectoryTimeZoneAndLocale() throws Exception {
        var options = ExpoOptions.defaults().with("tabs", true, true, "tanstack-query");
        copy(Generate.FIXTURES.resolve("openapi-tasks"), first.resolve("a"));
        copy(Generate.FIXTURES.resolve("openapi-tasks"), second.resolve("deeper/b"));
        copy(Generate.FIXTURES.resolve("rn-audit"), first.resolve("ra"));
        copy(Generate.FIXTURES.resolve("rn-audit"), second.resolve("deeper/rb"));
        var a = Generate.run(first.resolve("a"), options);
        var auditA = HigAudit.run(first.resolve("ra"), Generate.files(first.resolve("ra")), () -> false);
        var zone = TimeZone.getDefault();
        var locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            var b = Generate.run(second.resolve("deeper/b"), options);
            assertThat(b.files().keySet()).isEqualTo(a.files().keySet());
            for (var name : a.files().keySet()) assertThat(b.files().get(name)).as(name).isEqualTo(a.files().get(name));
            assertThat(Zips.of(b.files())).isEqualTo(Zips.of(a.files()));
            var auditB = HigAudit.run(second.resolve("deeper/rb"), Generate.files(second.resolve("deeper/rb")), () -> false);
            assertThat(auditB.report()).isEqualTo(auditA.report());
            assertThat(auditB.patch()).isEqualTo(auditA.patch());
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
        for (var e : a.files().entrySet()) {
            String text = new String(e.getValue(), StandardCharsets.ISO_8859_1);
            assertThat(text).as(e.getKey()).doesNotContain(first.toString()).doesNotContain("\r\n");
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
