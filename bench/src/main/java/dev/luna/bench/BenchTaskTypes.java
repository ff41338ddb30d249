package dev.luna.bench;

import dev.luna.store.Attr;
import dev.luna.tasks.TaskType;
import dev.luna.tasks.TaskWorkers;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.support.GenericApplicationContext;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The benchmarks' task types, registered like a product module registers its own:
 * {@code bench-noop} returns at once; {@code bench-sleep} waits {@code payload.ms};
 * {@code bench-effect} counts every run of its handler (a plain write, so a re-run after a crash shows) and
 * stages one effect (a counter, committed with the task's success: exactly once).
 */
final class BenchTaskTypes {
    static final String[] ALL = {"bench-noop", "bench-sleep", "bench-effect"};

    private BenchTaskTypes() {
    }

    static void register(GenericApplicationContext context) {
        String table = context.getEnvironment().getProperty("LUNA_RESOURCE_PREFIX", "luna") + "-tasks";
        TaskWorkers.register(context, TaskType.of("bench-noop", Duration.ofSeconds(30), (payload, ctx) -> Map.of("ok", true)));
        TaskWorkers.register(context, TaskType.of("bench-sleep", Duration.ofSeconds(30), (payload, ctx) -> {
            Thread.sleep(payload.path("ms").asLong(10));
            return Map.of("slept", payload.path("ms").asLong(10));
        }));
        TaskWorkers.register(context, TaskType.of("bench-effect", Duration.ofSeconds(30), (payload, ctx) -> {
            var dynamo = dev.luna.http.PlatformHolder.of(context).aws().dynamo();
            dynamo.updateItem(b -> b.tableName(table).key(Attr.key("RUNS#" + ctx.taskId(), "RUNS")).updateExpression("ADD runs :one")
                    .expressionAttributeValues(Map.of(":one", Attr.n(1))));
            ctx.effect(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(Attr.key("EFFECT#" + ctx.taskId(), "EFFECT")).updateExpression("ADD effects :one")
                    .expressionAttributeValues(Map.of(":one", Attr.n(1))).build()).build());
            Thread.sleep(payload.path("ms").asLong(100));
            ctx.progress("effect staged", 90, null);
            return Map.of("done", true);
        }));
    }
}
