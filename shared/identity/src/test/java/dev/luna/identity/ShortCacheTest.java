package dev.luna.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShortCacheTest {
    @Test
    void aValueIsReadOnceWithinItsTimeForgottenOnAWriteAndReadAgainAfterItsTime() throws InterruptedException {
        var reads = new AtomicInteger();
        var cache = new ShortCache<String>(Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) assertThat(cache.get("k", () -> Optional.of("v" + reads.incrementAndGet()))).contains("v1");
        cache.forget("k");
        assertThat(cache.get("k", () -> Optional.of("v" + reads.incrementAndGet()))).contains("v2");
        assertThat(reads).hasValue(2);
        var brief = new ShortCache<String>(Duration.ofMillis(50));
        brief.get("k", () -> Optional.of("old"));
        Thread.sleep(120);
        assertThat(brief.get("k", () -> Optional.of("new"))).as("read again once its time has passed").contains("new");
    }

    @Test
    void zeroTurnsCachingOffAndTheSizeIsBounded() {
        var reads = new AtomicInteger();
        var off = new ShortCache<String>(Duration.ZERO);
        off.get("k", () -> Optional.of("" + reads.incrementAndGet()));
        off.get("k", () -> Optional.of("" + reads.incrementAndGet()));
        assertThat(reads).hasValue(2);
        var bounded = new ShortCache<String>(Duration.ofMinutes(1));
        for (int i = 0; i <= ShortCache.MAX_ENTRIES; i++) bounded.get("k" + i, () -> Optional.of("v"));
        reads.set(0);
        bounded.get("k0", () -> Optional.of("" + reads.incrementAndGet()));
        assertThat(reads).as("the oldest entries were dropped when the cache filled").hasValue(1);
    }
}
