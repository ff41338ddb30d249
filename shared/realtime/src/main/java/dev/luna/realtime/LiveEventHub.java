package dev.luna.realtime;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * {@link LiveEvents} in one process: each project's stream numbers its events, keeps them for the retention period
 * (bounded by a count per project), and hands every new event to the matching subscribers directly on the
 * publisher's thread — no polling, so delivery costs what the listeners cost (connections only queue the event and
 * write it from another thread). Subscribers are indexed by project and subject: an event about {@code task:t1}
 * visits the project's subject-less subscribers and those of {@code task:t1}, never the followers of other tasks or
 * agents. Publishing and subscribing on a project hold its lock, so a subscriber's replay and the live events that
 * follow form one gap-free, duplicate-free sequence.
 */
public final class LiveEventHub implements LiveEvents {
    private static final Logger log = LoggerFactory.getLogger(LiveEventHub.class);
    /** Events kept per project at most, whatever their age (memory bound). */
    public static final int DEFAULT_MAX_EVENTS_PER_PROJECT = 100_000;

    private final Clock clock;
    private final Duration retention;
    private final int maxEventsPerProject;
    private final Map<String, ProjectStream> streams = new ConcurrentHashMap<>();
    /** Observers of every event of every project ({@link #tap}). */
    private final List<LiveListener> taps = new CopyOnWriteArrayList<>();

    public LiveEventHub(Clock clock) {
        this(clock, MIN_HISTORY.multipliedBy(2), DEFAULT_MAX_EVENTS_PER_PROJECT);
    }

    public LiveEventHub(Clock clock, Duration retention, int maxEventsPerProject) {
        if (retention.compareTo(MIN_HISTORY) < 0) throw new IllegalArgumentException("retention below " + MIN_HISTORY);
        if (maxEventsPerProject < 1) throw new IllegalArgumentException("maxEventsPerProject must be positive");
        this.clock = clock;
        this.retention = retention;
        this.maxEventsPerProject = maxEventsPerProject;
    }

    @Override
    public LiveEvent publish(String projectId, LiveEventKind kind, String subject, JsonNode data) {
        Objects.requireNonNull(projectId, "projectId");
        return stream(projectId).publish(kind, subject, data);
    }

    @Override
    public Subscription subscribe(LiveFilter filter, long since, LiveListener listener) {
        Objects.requireNonNull(listener, "listener");
        return stream(filter.projectId()).subscribe(filter, since, listener);
    }

    @Override
    public long lastSequence(String projectId) {
        var s = streams.get(projectId);
        return s == null ? 0 : s.lastSequence();
    }

    /**
     * Observes every event published to any project, after its subscribers: the local runtime's stand-in for a
     * consumer of a table's stream in AWS. Like a subscriber's, the listener runs on the publisher's thread and must
     * not block (hand the work to an executor). A listener that throws is logged and skipped.
     */
    public void tap(LiveListener listener) {
        taps.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops a {@link #tap}. */
    public void untap(LiveListener listener) {
        taps.remove(listener);
    }

    /** Open subscriptions across all projects (for metrics and tests). */
    public int subscriberCount() {
        return streams.values().stream().mapToInt(ProjectStream::subscriberCount).sum();
    }

    private ProjectStream stream(String projectId) {
        return streams.computeIfAbsent(projectId, ProjectStream::new);
    }

    private final class ProjectStream {
        private final String projectId;
        private final ArrayDeque<LiveEvent> history = new ArrayDeque<>();
        /** Subscribers to any subject of the project. */
        private final List<Sub> anySubject = new CopyOnWriteArrayList<>();
        /** Subscribers to one subject ({@code task:<id>}, {@code agent:<id>}), by subject. */
        private final Map<String, List<Sub>> bySubject = new ConcurrentHashMap<>();
        private long sequence;
        /** The highest sequence no longer retained (0: nothing evicted yet). */
        private long evictedThrough;

        ProjectStream(String projectId) {
            this.projectId = projectId;
        }

        synchronized long lastSequence() {
            return sequence;
        }

        synchronized LiveEvent publish(LiveEventKind kind, String subject, JsonNode data) {
            var event = new LiveEvent(projectId, ++sequence, kind, subject, clock.instant(), data);
            history.addLast(event);
            evict();
            for (var sub : anySubject) sub.deliver(event);
            if (subject != null) {
                var followers = bySubject.get(subject);
                if (followers != null) for (var sub : followers) sub.deliver(event);
            }
            for (var tap : taps) {
                try {
                    tap.onEvent(event);
                } catch (RuntimeException e) {
                    log.warn("a live event tap failed on {} #{}: {}", projectId, event.sequence(), e.toString());
                }
            }
            return event;
        }

        synchronized Subscription subscribe(LiveFilter filter, long since, LiveListener listener) {
            evict();
            var sub = new Sub(this, filter, listener);
            long first = history.isEmpty() ? 0 : history.peekFirst().sequence();
            boolean complete = since < 0 || since >= evictedThrough;
            if (since >= 0) for (var e : history) if (e.sequence() > since) sub.deliver(e);
            if (filter.subject() == null) anySubject.add(sub);
            else bySubject.compute(filter.subject(), (k, followers) -> {
                var list = followers == null ? new CopyOnWriteArrayList<Sub>() : followers;
                list.add(sub);
                return list;
            });
            sub.complete = complete;
            sub.first = first;
            return sub;
        }

        private void evict() {
            var oldest = clock.instant().minus(retention);
            while (!history.isEmpty() && (history.size() > maxEventsPerProject || history.peekFirst().at().isBefore(oldest))) {
                evictedThrough = history.removeFirst().sequence();
            }
        }

        void remove(Sub sub) {
            String subject = sub.filter.subject();
            if (subject == null) {
                anySubject.remove(sub);
                return;
            }
            // no stream lock here (a listener may close while a publisher holding the stream lock waits on it):
            // the map's per-key atomic update keeps subscribe and remove of one subject consistent
            bySubject.computeIfPresent(subject, (k, followers) -> {
                followers.remove(sub);
                return followers.isEmpty() ? null : followers;
            });
        }

        int subscriberCount() {
            return anySubject.size() + bySubject.values().stream().mapToInt(List::size).sum();
        }
    }

    private static final class Sub implements Subscription {
        private final ProjectStream stream;
        private final LiveFilter filter;
        private final LiveListener listener;
        private volatile boolean open = true;
        private boolean complete;
        private long first;

        Sub(ProjectStream stream, LiveFilter filter, LiveListener listener) {
            this.stream = stream;
            this.filter = filter;
            this.listener = listener;
        }

        void deliver(LiveEvent event) {
            if (!open || !filter.matches(event)) return;
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                // one broken subscriber must not stop the publisher or the others
                log.warn("live event listener failed on {} #{}; closing its subscription", event.kind().wire(), event.sequence(), e);
                close();
            }
        }

        @Override
        public boolean historyComplete() {
            return complete;
        }

        @Override
        public long firstReplayed() {
            return first;
        }

        @Override
        public void close() {
            open = false;
            stream.remove(this);
        }
    }
}
