package dev.luna.workers.swift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.workers.swift.plan.SwiftOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same source and options give byte-identical project files and project.zip, whatever the directory, time zone or locale. */
class DeterminismTest {
    @TempDir
    Path first;
    @TempDir
    Path second;

    @Test
    void sameBytesFromAnotherDirectoryTimeZoneAndLocale() throws Exception {
        copy(Generate.FIXTURES.resolve("openapi-petstore"), first.resolve("a"));
        copy(Generate.FIXTURES.resolve("openapi-petstore"), second.resolve("deeper/b"));
        var options = Generate.options("{\"platforms\": [\"ios\", \"macOS\"], \"applePay\": true, \"merchantId\": \"merchant.com.example\"}");
        var a = Generate.all(Generate.run(first.resolve("a"), options));
        var zone = TimeZone.getDefault();
        var locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            var b = Generate.all(Generate.run(second.resolve("deeper/b"), options));
            assertThat(b.keySet()).isEqualTo(a.keySet());
            for (var name : a.keySet()) assertThat(b.get(name)).as(name).isEqualTo(a.get(name));
            for (var e : a.entrySet()) {
                if (e.getKey().equals(SwiftGenerator.PROJECT)) continue; // compressed: its entries are checked one by one
                String text = new String(e.getValue(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(text).doesNotContain(first.toString()).doesNotContain("\r\n");
            }
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
        assertThat(SwiftOptions.DEFAULT.platforms()).containsExactly("ios", "ipados");
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
