package dev.luna.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LiveEventHubTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LiveEventHub hub = new LiveEventHub(clock, Duration.ofMinutes(5), 1000);

    private LiveEvent progress(String project, String task, int pct) {
        var data = Json.object();
        data.put("taskId", task);
        data.put("percentage", pct);
        return hub.publish(project, LiveEventKind.TASK_PROGRESS, LiveEvent.taskSubject(task), data);
    }

    @Test
    void numbersEachProjectsEventsWithoutGapsAndDeliversLiveOnes() {
        var seen = new ArrayList<LiveEvent>();
        try (var sub = hub.subscribe(LiveFilter.project("p1"), -1, seen::add)) {
            progress("p1", "t1", 10);
            progress("p2", "t9", 10);
            progress("p1", "t1", 50);
            assertThat(sub.historyComplete()).isTrue();
        }
        progress("p1", "t1", 100);
        assertThat(seen).extracting(LiveEvent::sequence).containsExactly(1L, 2L);
        assertThat(seen).allMatch(e -> e.projectId().equals("p1"));
        assertThat(hub.lastSequence("p1")).isEqualTo(3);
        assertThat(hub.lastSequence("p2")).isEqualTo(1);
    }

    @Test
    void aResumingSubscriberGetsTheMissedEventsThenTheNewOnesOnce() {
        for (int i = 1; i <= 5; i++) progress("p1", "t1", i * 10);
        var seen = new ArrayList<Long>();
        var sub = hub.subscribe(LiveFilter.task("p1", "t1"), 2, e -> seen.add(e.sequence()));
        progress("p1", "t1", 60);
        assertThat(seen).containsExactly(3L, 4L, 5L, 6L);
        assertThat(sub.historyComplete()).isTrue();
        assertThat(sub.firstReplayed()).isEqualTo(1);
    }

    @Test
    void filtersByKindAndSubject() {
        var seen = new ArrayList<LiveEvent>();
        hub.subscribe(LiveFilter.agent("p1", "a1"), -1, seen::add);
        progress("p1", "t1", 10);
        hub.publish("p1", LiveEventKind.AGENT_HEALTH, LiveEvent.agentSubject("a2"), Json.object());
        var mine = hub.publish("p1", LiveEventKind.TOKEN_ALERT, LiveEvent.agentSubject("a1"), Json.object());
        assertThat(seen).containsExactly(mine);
    }

    @Test
    void subjectFollowersGetOnlyTheirSubjectAndCanLeaveAndRejoin() {
        var t1 = new ArrayList<Long>();
        var t2 = new ArrayList<Long>();
        var all = new ArrayList<Long>();
        var first = hub.subscribe(LiveFilter.task("p1", "t1"), -1, e -> t1.add(e.sequence()));
        hub.subscribe(LiveFilter.task("p1", "t2"), -1, e -> t2.add(e.sequence()));
        hub.subscribe(LiveFilter.project("p1"), -1, e -> all.add(e.sequence()));
        assertThat(hub.subscriberCount()).isEqualTo(3);
        progress("p1", "t1", 10);
        progress("p1", "t2", 10);
        first.close();
        assertThat(hub.subscriberCount()).isEqualTo(2);
        progress("p1", "t1", 20);
        var again = new ArrayList<Long>();
        hub.subscribe(LiveFilter.task("p1", "t1"), -1, e -> again.add(e.sequence()));
        progress("p1", "t1", 30);
        assertThat(t1).containsExactly(1L);
        assertThat(t2).containsExactly(2L);
        assertThat(again).containsExactly(4L);
        assertThat(all).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void eventsOlderThanTheRetentionAreGoneAndTheSubscriberIsTold() {
        progress("p1", "t1", 10);
        clock.advance(Duration.ofMinutes(4));
        progress("p1", "t1", 20);
        clock.advance(Duration.ofMinutes(2));
        var seen = new ArrayList<Long>();
        var sub = hub.subscribe(LiveFilter.project("p1"), 0, e -> seen.add(e.sequence()));
        assertThat(seen).containsExactly(2L);
        assertThat(sub.historyComplete()).isFalse();
        var resumed = hub.subscribe(LiveFilter.project("p1"), 1, e -> { });
        assertThat(resumed.historyComplete()).isTrue();
    }

    @Test
    void aFailingListenerIsClosedWithoutHurtingOthers() {
        var good = new CopyOnWriteArrayList<Long>();
        hub.subscribe(LiveFilter.project("p1"), -1, e -> { throw new IllegalStateException("boom"); });
        hub.subscribe(LiveFilter.project("p1"), -1, e -> good.add(e.sequence()));
        progress("p1", "t1", 1);
        progress("p1", "t1", 2);
        assertThat(good).containsExactly(1L, 2L);
        assertThat(hub.subscriberCount()).isEqualTo(1);
    }

    @Test
    void concurrentPublishersStillDeliverInSequenceOrder() throws Exception {
        var seen = new CopyOnWriteArrayList<Long>();
        hub.subscribe(LiveFilter.project("p1"), -1, e -> seen.add(e.sequence()));
        var threads = new ArrayList<Thread>();
        for (int t = 0; t < 8; t++) threads.add(Thread.ofVirtual().start(() -> { for (int i = 0; i < 100; i++) progress("p1", "t", i); }));
        for (var t : threads) t.join();
        assertThat(seen).hasSize(800);
        for (int i = 0; i < seen.size(); i++) assertThat(seen.get(i)).isEqualTo(i + 1L);
    }

    @Test
    void theBusHandsTheSameHubToEveryUserOfADataStoreUntilTheLastDetaches() {
        var config = dev.luna.store.LunaConfig.from(k -> switch (k) {
            case dev.luna.store.LunaConfig.DYNAMODB_ENDPOINT -> "http://127.0.0.1:1";
            case dev.luna.store.LunaConfig.REGION -> "us-east-1";
            default -> null;
        });
        assertThat(LiveEventBus.of(config)).isSameAs(LiveEventBus.NONE);
        var a = LiveEventBus.attach(config, clock);
        var b = LiveEventBus.attach(config, clock);
        assertThat(b).isSameAs(a);
        assertThat(LiveEventBus.of(config)).isSameAs(a);
        LiveEventBus.detach(config);
        assertThat(LiveEventBus.of(config)).isSameAs(a);
        LiveEventBus.detach(config);
        assertThat(LiveEventBus.of(config)).isSameAs(LiveEventBus.NONE);
        assertThat(LiveEventBus.NONE.publish("p", LiveEventKind.SYSTEM_NOTIFICATION, null, null)).isNull();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
