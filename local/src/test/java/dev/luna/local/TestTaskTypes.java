package dev.luna.local;

import dev.luna.core.Json;
import dev.luna.store.Attr;
import dev.luna.tasks.TaskFailedException;
import dev.luna.tasks.TaskType;
import dev.luna.tasks.TaskWorkers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.support.GenericApplicationContext;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Task types that exist only in tests, registered into the local runtime's registry the way a product module
 * registers its own: a no-op, a sleeper, failing ones, a flaky one, one with a schema, one with a database effect,
 * one with a large result, one that runs until cancelled, and one whose downstream the test can break.
 */
final class TestTaskTypes {
    /** The "downstream" of test-breaker: tests switch it off to make the type fail. */
    static final AtomicBoolean BREAKER_DOWNSTREAM_UP = new AtomicBoolean(true);
    static final String[] ALL = {"test-noop", "test-sleep", "test-fail", "test-fatal", "test-flaky", "test-schema",
            "test-effect", "test-large", "test-until-cancelled", "test-timeout", "test-breaker"};

    private TestTaskTypes() {
    }

    static void register(GenericApplicationContext context) {
        String table = context.getEnvironment().getProperty("LUNA_RESOURCE_PREFIX", "luna") + "-tasks";
        TaskWorkers.register(context, TaskType.of("test-noop", Duration.ofSeconds(10), (payload, ctx) -> Map.of("ok", true, "echo", payload)));
        TaskWorkers.register(context, TaskType.of("test-sleep", Duration.ofSeconds(10), (payload, ctx) -> {
            Thread.sleep(payload.path("ms").asLong(100));
            return Map.of("slept", payload.path("ms").asLong(100));
        }));
        TaskWorkers.register(context, TaskType.of("test-fail", Duration.ofSeconds(10), (payload, ctx) -> {
            ctx.progress("failing", 10, "about to fail");
            throw new IllegalStateException("boom on attempt " + ctx.attempt());
        }));
        TaskWorkers.register(context, TaskType.of("test-fatal", Duration.ofSeconds(10), (payload, ctx) -> {
            throw new TaskFailedException("the payload cannot be processed", false);
        }));
        TaskWorkers.register(context, TaskType.of("test-flaky", Duration.ofSeconds(10), (payload, ctx) -> {
            if (ctx.attempt() <= payload.path("failTimes").asInt(1)) throw new IllegalStateException("flaky failure " + ctx.attempt());
            return Map.of("attempt", ctx.attempt());
        }));
        TaskWorkers.register(context, TaskType.of("test-schema", Duration.ofSeconds(10), (payload, ctx) -> Map.of("name", payload.get("name").asString()))
                .withSchema(Json.tree("""
                        {"type":"object","additionalProperties":false,"required":["name"],
                         "properties":{"name":{"type":"string","minLength":1,"maxLength":20},
                                       "count":{"type":"integer","minimum":0,"maximum":10},
                                       "mode":{"enum":["fast","slow"]}}}""")));
        TaskWorkers.register(context, TaskType.of("test-effect", Duration.ofSeconds(10), (payload, ctx) -> {
            ctx.startStep("count");
            ctx.effect(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(Attr.key("EFFECT#" + ctx.taskId(), "EFFECT")).updateExpression("ADD effects :one")
                    .expressionAttributeValues(Map.of(":one", Attr.n(1))).build()).build());
            if (payload.path("sleepMs").asLong(0) > 0) Thread.sleep(payload.path("sleepMs").asLong());
            ctx.completeStep("count");
            return Map.of("counted", true);
        }));
        TaskWorkers.register(context, TaskType.of("test-large", Duration.ofSeconds(10), (payload, ctx) -> {
            ctx.writeArtifact("report.txt", "hello artifact".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain");
            return Map.of("blob", "x".repeat(100_000));
        }));
        TaskWorkers.register(context, TaskType.of("test-until-cancelled", Duration.ofSeconds(20), (payload, ctx) -> {
            ctx.startStep("waiting");
            for (int i = 0; i < 400; i++) {
                Thread.sleep(25);
                ctx.progress("waiting", Math.min(99, i), "tick " + i);
            }
            return Map.of("finished", true);
        }));
        TaskWorkers.register(context, TaskType.of("test-timeout", Duration.ofMillis(300), (payload, ctx) -> {
            Thread.sleep(5_000);
            return Map.of();
        }));
        TaskWorkers.register(context, TaskType.of("test-breaker", Duration.ofSeconds(10), (payload, ctx) -> {
            if (!BREAKER_DOWNSTREAM_UP.get()) throw new IllegalStateException("downstream unavailable");
            return Map.of("ok", true);
        }));
    }
}
