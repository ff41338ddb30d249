package dev.luna.codebase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
    @TempDir
    Path first;
    @TempDir
    Path second;

    private static void copy(Path target) throws IOException {
        for (var fixture : new String[]{"spring-shop", "jaxrs-gradle", "express-ts", "fastify-next", "python-api", "polyglot"}) {
            var from = Fixtures.root(fixture);
            for (var file : Fixtures.files(from)) {
                var to = target.resolve(fixture).resolve(file);
                Files.createDirectories(to.getParent());
                Files.copy(from.resolve(file), to);
            }
        }
    }

    @Test
    void sameSourceGivesIdenticalBytesWhateverTheDirectoryTimeZoneLocaleOrFileOrder() throws IOException {
        copy(first);
        copy(second);
        var zone = TimeZone.getDefault();
        var locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            Locale.setDefault(Locale.US);
            byte[] a = Codebase.json(new Codebase().analyse(first, Fixtures.files(first), () -> false));
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            var shuffled = new ArrayList<>(Fixtures.files(second));
            Collections.reverse(shuffled);
            byte[] b = Codebase.json(new Codebase().analyse(second, shuffled, () -> false));
            assertThat(b).isEqualTo(a);
            String text = new String(a, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).doesNotContain(first.toString()).doesNotContain("\r");
            assertThat(text).contains("\"method\" : \"GET\"");
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }
}
