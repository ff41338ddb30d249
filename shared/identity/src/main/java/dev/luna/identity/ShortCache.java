package dev.luna.identity;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a function instance remembers of a credential or a membership for a few seconds, so the request pipeline does
 * not read the same DynamoDB item on every request (the role of API Gateway's authorizer cache). Writes through this
 * instance forget their entry at once; other instances see a change within {@code ttl} (setting
 * {@value #SETTING}, milliseconds, default 10,000; 0 turns caching off). At most {@value #MAX_ENTRIES} entries.
 */
final class ShortCache<V> {
    static final String SETTING = "LUNA_AUTH_CACHE_MS";
    static final int MAX_ENTRIES = 10_000;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();

    private record Entry<V>(Optional<V> value, long until) {
    }

    ShortCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    Optional<V> get(String key, Supplier<Optional<V>> load) {
        if (ttlNanos <= 0) return load.get();
        long now = System.nanoTime();
        var hit = entries.get(key);
        if (hit != null && hit.until() - now > 0) return hit.value();
        var value = load.get();
        if (entries.size() >= MAX_ENTRIES) entries.clear();
        entries.put(key, new Entry<>(value, now + ttlNanos));
        return value;
    }

    void forget(String key) {
        entries.remove(key);
    }
}
