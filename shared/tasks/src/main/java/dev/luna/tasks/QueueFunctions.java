package dev.luna.tasks;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.luna.catalog.Catalog;
import dev.luna.core.Json;
import dev.luna.http.ScheduledFunctions;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.MDC;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;

/**
 * Registers a module's queue- and schedule-triggered functions as Spring Cloud Function beans, like
 * {@code HttpFunctions} does for HTTP: one bean per catalog entry, failing at start-up when catalog and handlers
 * disagree. Beans take the raw event bytes ({@code Message<byte[]>}) and decode the event themselves, so Spring
 * Cloud Function never splits or converts it: an SQS event ({@code Records[]}) gives an {@link SQSBatchResponse}
 * (partial batch failures, with {@code ReportBatchItemFailures} on the event source mapping). Scheduled functions
 * go through {@link ScheduledFunctions}, the one registration every module uses.
 */
public final class QueueFunctions {
    private static final Type SQS_TYPE = ResolvableType.forClassWithGenerics(Function.class,
            ResolvableType.forClassWithGenerics(Message.class, byte[].class), ResolvableType.forClass(SQSBatchResponse.class)).getType();

    private QueueFunctions() {
    }

    /** Handles one SQS batch. */
    @FunctionalInterface
    public interface BatchHandler {
        SQSBatchResponse handle(SQSEvent event);
    }

    public static void register(GenericApplicationContext context, String module, Map<String, BatchHandler> queueHandlers,
                                Map<String, ScheduledFunctions.Handler> scheduledHandlers) {
        var catalog = Catalog.load();
        var unused = new HashSet<>(queueHandlers.keySet());
        for (var spec : catalog.module(module)) {
            String type = spec.trigger().type();
            if ("queue".equals(type)) {
                var handler = queueHandlers.get(spec.bean());
                if (handler == null) throw missing(spec, module);
                unused.remove(spec.bean());
                registerBatchFunction(context, spec.name(), spec.bean(), handler);
            }
        }
        ScheduledFunctions.register(context, module, scheduledHandlers);
        if (!unused.isEmpty()) throw new IllegalStateException("module '" + module + "' has queue handlers not in the catalog: " + unused);
    }

    /** Registers one SQS-triggered function (bean {@code bean}) for {@code handler}; {@code name} tags its logs. */
    public static void registerBatchFunction(GenericApplicationContext context, String name, String bean, BatchHandler handler) {
        Function<Message<byte[]>, SQSBatchResponse> lambda = message -> {
            MDC.put("function", name);
            try {
                return handler.handle(Json.readLenient(message.getPayload(), SQSEvent.class));
            } finally {
                MDC.remove("function");
            }
        };
        context.registerBean(bean, FunctionRegistration.class, () -> new FunctionRegistration<>(lambda, bean).type(SQS_TYPE));
    }

    private static IllegalStateException missing(Catalog.FunctionSpec spec, String module) {
        return new IllegalStateException("catalog function '" + spec.name() + "' names bean '" + spec.bean()
                + "' but module '" + module + "' has no handler for it");
    }
}
