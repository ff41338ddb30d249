package dev.luna.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void idsArePrefixedUniqueAndSortByTime() {
        var early = new Ids(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).next("agt");
        var late = new Ids(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC)).next("agt");
        assertThat(early).matches("agt_[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(early.compareTo(late)).isNegative();
        var ids = new Ids(Clock.systemUTC());
        var seen = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) assertThat(seen.add(ids.next("x"))).isTrue();
    }

    @Test
    void secretsAreUrlSafe() {
        assertThat(new Ids(Clock.systemUTC()).secret(32)).matches("[A-Za-z0-9_-]{43}");
    }
}
