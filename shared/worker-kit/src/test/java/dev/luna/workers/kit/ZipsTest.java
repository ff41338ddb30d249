package dev.luna.workers.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The same files give the same zip bytes in any time zone (no extended-time field), entries sorted by path. */
class ZipsTest {
    @Test
    void sameBytesInEveryTimeZone() {
        var files = Map.of("b.txt", "b".getBytes(StandardCharsets.UTF_8), "a/c.txt", "c".getBytes(StandardCharsets.UTF_8));
        var zone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            byte[] utc = Zips.of(files);
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
            assertThat(Zips.of(files)).isEqualTo(utc);
            assertThat(new String(utc, StandardCharsets.ISO_8859_1)).doesNotContain("UT\u0005\u0000");
            assertThat(new String(utc, StandardCharsets.ISO_8859_1).indexOf("a/c.txt")).isLessThan(new String(utc, StandardCharsets.ISO_8859_1).indexOf("b.txt"));
        } finally {
            TimeZone.setDefault(zone);
        }
    }
}
