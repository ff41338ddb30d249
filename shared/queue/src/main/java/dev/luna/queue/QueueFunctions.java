package dev.luna.queue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.luna.core.Json;
import dev.luna.http.Catalog;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import tools.jackson.databind.JsonNode;

/**
 * Registers a module's queue- and schedule-triggered functions as Spring Cloud Function beans, like
 * {@code HttpFunctions} does for HTTP: one bean per catalog entry, failing at start-up when catalog and handlers
 * disagree. Beans take the raw event bytes ({@code Message<byte[]>}) and decode the event themselves, so Spring
 * Cloud Function never splits or converts it: an SQS event ({@code Records[]}) gives an {@link SQSBatchResponse}
 * (partial batch failures, with {@code ReportBatchItemFailures} on the event source mapping); a scheduled event
 * gives a small summary of the run.
 */
public final class QueueFunctions {
    private static final Type SQS_TYPE = ResolvableType.forClassWithGenerics(Function.class,
            ResolvableType.forClassWithGenerics(Message.class, byte[].class), ResolvableType.forClass(SQSBatchResponse.class)).getType();
    private static final Type SCHEDULE_TYPE = ResolvableType.forClassWithGenerics(Function.class,
            ResolvableType.forClassWithGenerics(Message.class, byte[].class), ResolvableType.forClass(ScheduleResult.class)).getType();

    private QueueFunctions() {
    }

    /** Handles one SQS batch. */
    @FunctionalInterface
    public interface BatchHandler {
        SQSBatchResponse handle(SQSEvent event);
    }

    /** Handles one scheduled invocation and says what it did. */
    @FunctionalInterface
    public interface ScheduledHandler {
        Map<String, Object> run(ScheduledInvocation event);
    }

    /**
     * A scheduled event as EventBridge (Scheduler) delivers it: {@code {"version":"0","id",…,"detail-type":
     * "Scheduled Event","source","time","resources":[…],"detail":{…}}}.
     */
    public record ScheduledInvocation(String id, String source, String time, List<String> resources, JsonNode detail) {
        public static ScheduledInvocation parse(byte[] json) {
            var tree = Json.mapper().readTree(json);
            if (tree == null || !tree.isObject()) throw new IllegalArgumentException("a scheduled event must be a JSON object");
            var resources = tree.has("resources") ? tree.get("resources").valueStream().map(JsonNode::asString).toList() : List.<String>of();
            var detail = tree.get("detail");
            return new ScheduledInvocation(tree.path("id").asString(null), tree.path("source").asString(null),
                    tree.path("time").asString(null), resources, detail == null || detail.isNull() ? Json.object() : detail);
        }
    }

    /** What a scheduled function answers. */
    public record ScheduleResult(String function, String eventId, Map<String, Object> summary) {
    }

    public static void register(GenericApplicationContext context, String module, Map<String, BatchHandler> queueHandlers,
                                Map<String, ScheduledHandler> scheduledHandlers) {
        var catalog = Catalog.load();
        var unused = new HashSet<String>();
        unused.addAll(queueHandlers.keySet());
        unused.addAll(scheduledHandlers.keySet());
        for (var spec : catalog.module(module)) {
            String type = spec.trigger().type();
            if ("queue".equals(type)) {
                var handler = queueHandlers.get(spec.bean());
                if (handler == null) throw missing(spec, module);
                unused.remove(spec.bean());
                Function<Message<byte[]>, SQSBatchResponse> lambda = message -> {
                    MDC.put("function", spec.name());
                    try {
                        return handler.handle(Json.readLenient(message.getPayload(), SQSEvent.class));
                    } finally {
                        MDC.remove("function");
                    }
                };
                context.registerBean(spec.bean(), FunctionRegistration.class,
                        () -> new FunctionRegistration<>(lambda, spec.bean()).type(SQS_TYPE));
            } else if ("schedule".equals(type)) {
                var handler = scheduledHandlers.get(spec.bean());
                if (handler == null) throw missing(spec, module);
                unused.remove(spec.bean());
                Function<Message<byte[]>, ScheduleResult> lambda = message -> {
                    MDC.put("function", spec.name());
                    try {
                        var event = ScheduledInvocation.parse(message.getPayload());
                        long t0 = System.nanoTime();
                        var summary = handler.run(event);
                        LoggerFactory.getLogger(QueueFunctions.class).info("{} ran in {} ms: {}", spec.name(),
                                (System.nanoTime() - t0) / 1_000_000, summary);
                        return new ScheduleResult(spec.name(), event.id(), summary);
                    } finally {
                        MDC.remove("function");
                    }
                };
                context.registerBean(spec.bean(), FunctionRegistration.class,
                        () -> new FunctionRegistration<>(lambda, spec.bean()).type(SCHEDULE_TYPE));
            }
        }
        if (!unused.isEmpty()) throw new IllegalStateException("module '" + module + "' has queue/schedule handlers not in the catalog: " + unused);
    }

    private static IllegalStateException missing(Catalog.FunctionSpec spec, String module) {
        return new IllegalStateException("catalog function '" + spec.name() + "' names bean '" + spec.bean()
                + "' but module '" + module + "' has no handler for it");
    }
}
