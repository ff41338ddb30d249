package dev.luna.realtime;

import dev.luna.store.LunaConfig;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Where code that changes state finds the {@link LiveEvents} of its data store. A local runtime {@link #attach}es one
 * in-process hub per data store (its DynamoDB endpoint and resource prefix), so every function and every runtime on
 * that store publishes to the hub its WebSocket and SSE connections read. Without an attached hub — in Lambda, where
 * DynamoDB Streams on the state tables feed the WebSocket fan-out — publishing does nothing.
 */
public final class LiveEventBus {
    private static final Map<String, Attached> HUBS = new ConcurrentHashMap<>();

    private LiveEventBus() {
    }

    /** The live events of the data store {@code config} points at: its attached hub, or one that drops events. */
    public static LiveEvents of(LunaConfig config) {
        var attached = HUBS.get(key(config));
        return attached == null ? NONE : attached.hub;
    }

    /** Attaches (or joins) the in-process hub of {@code config}'s data store; release it with {@link #detach}. */
    public static LiveEventHub attach(LunaConfig config, Clock clock) {
        return HUBS.compute(key(config), (k, a) -> a == null ? new Attached(new LiveEventHub(clock), 1) : new Attached(a.hub, a.users + 1)).hub;
    }

    /** Gives back one {@link #attach}; the last one removes the hub. */
    public static void detach(LunaConfig config) {
        HUBS.computeIfPresent(key(config), (k, a) -> a.users <= 1 ? null : new Attached(a.hub, a.users - 1));
    }

    private static String key(LunaConfig config) {
        return config.dynamoEndpoint() + "|" + config.resourcePrefix();
    }

    private record Attached(LiveEventHub hub, int users) {
    }

    /** Publishes nowhere (no subscriber can exist in this process). */
    static final LiveEvents NONE = new LiveEvents() {
        @Override
        public LiveEvent publish(String projectId, LiveEventKind kind, String subject, JsonNode data) {
            return null;
        }

        @Override
        public Subscription subscribe(LiveFilter filter, long since, LiveListener listener) {
            throw new IllegalStateException("no live event hub is attached to this data store");
        }

        @Override
        public long lastSequence(String projectId) {
            return 0;
        }

        @Override
        public boolean delivers() {
            return false;
        }
    };
}
