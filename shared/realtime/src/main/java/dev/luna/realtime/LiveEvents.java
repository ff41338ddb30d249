package dev.luna.realtime;

import tools.jackson.databind.JsonNode;

/**
 * Live events of the platform: publishers (task lifecycle, agent health, token accounting, operators) {@link #publish}
 * them; subscribers (WebSocket and SSE connections, GraphQL subscriptions) {@link #subscribe} with a filter and the
 * last sequence number they saw. Each project's events carry a gap-free sequence number and stay replayable for
 * at least {@link #MIN_HISTORY} so a reconnecting client misses nothing.
 */
public interface LiveEvents {
    /** How long published events stay replayable, at least. */
    java.time.Duration MIN_HISTORY = java.time.Duration.ofMinutes(5);

    /** Publishes an event to the project's stream and delivers it to the matching subscribers; returns it with its sequence. */
    LiveEvent publish(String projectId, LiveEventKind kind, String subject, JsonNode data);

    /**
     * Subscribes: first replays, in order, the retained events matching {@code filter} with a sequence above
     * {@code since} (none when {@code since} is negative: only new events), then delivers new ones as they are
     * published, each exactly once and in sequence order. The listener is called on the publisher's thread and
     * must not block (hand slow work to a queue).
     */
    Subscription subscribe(LiveFilter filter, long since, LiveListener listener);

    /** The latest sequence number of a project's stream (0 before its first event). */
    long lastSequence(String projectId);

    /**
     * Whether anything published here can reach a subscriber; false where no hub is attached (in Lambda), so hot
     * paths skip building events nobody receives.
     */
    default boolean delivers() {
        return true;
    }

    /** Receives events of one subscription. */
    @FunctionalInterface
    interface LiveListener {
        void onEvent(LiveEvent event);
    }

    /** An open subscription; closing it stops delivery. */
    interface Subscription extends AutoCloseable {
        /**
         * False when {@code since} was older than the retained history: events between {@code since} and
         * {@link #firstReplayed()} are gone (the client should reload state).
         */
        boolean historyComplete();

        /** The sequence of the oldest event still retained when subscribing (0 when none). */
        long firstReplayed();

        @Override
        void close();
    }
}
