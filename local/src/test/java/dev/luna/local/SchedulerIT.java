package dev.luna.local;

import dev.luna.catalog.Catalog;
import dev.luna.store.Attr;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local EventBridge Scheduler stand-in fires a catalog schedule through the function's bean. */
class SchedulerIT {

    @Test
    void aScheduledFunctionRunsOnItsRate() {
        var runtime = TestRuntime.shared();
        try (var aws = TasksLifecycleIT.awsOf(runtime)) {
            String key = "default#expired-" + TestRuntime.unique("cache");
            aws.dynamo().putItem(b -> b.tableName("luna-task-cache").item(Map.of("pk", Attr.s(key), "taskId", Attr.s("tsk_gone"),
                    "expiresAt", Attr.n(Instant.now().getEpochSecond() - 60))));
            // cache-cleanup's bean on a rate(1 minute) schedule, with a clock standing 200 ms before a minute boundary,
            // so the real timer fires it at once
            var spec = Catalog.load().function("cache-cleanup").orElseThrow();
            var everyMinute = new Catalog.FunctionSpec(spec.name(), spec.module(), spec.bean(), spec.summary(),
                    new Catalog.Trigger("schedule", null, null, null, "rate(1 minute)", null, null), false, List.of(), null, null,
                    spec.tables(), spec.buckets(), null, null, null);
            var clock = Clock.fixed(Instant.parse("2026-11-27T04:00:59.800Z"), ZoneOffset.UTC);
            try (var scheduler = new Scheduler(runtime.invoker(), clock, "luna")) {
                scheduler.start(List.of(everyMinute));
                Await.until(() -> aws.dynamo().getItem(b -> b.tableName("luna-task-cache").key(Map.of("pk", Attr.s(key)))).item(),
                        item -> item == null || item.isEmpty(), "the scheduled cache-cleanup to delete the expired entry");
            }
        }
    }
}
